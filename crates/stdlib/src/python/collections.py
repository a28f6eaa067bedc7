"""The collections package: for now only its submodule collections.abc.

namedtuple, deque, OrderedDict, defaultdict, Counter, ChainMap and UserDict/UserList/
UserString are not provided yet: importing one is an ImportError, reading one an
AttributeError ("module 'collections' has no attribute 'deque'")."""
