# Checks: os.path string functions on relative paths (join, split, basename, dirname, splitext, normpath, isabs, abspath) and exists/isfile/isdir/getsize on files the fixture creates.
import os
import os.path
from os import path

print(path is os.path, os.path.sep, os.sep, repr(os.linesep))
print(os.path.join("a", "b", "c.txt"), os.path.join("a/", "b"), os.path.join("a", "/abs", "x"))
print(os.path.join("", "x"), os.path.join("dir", ""), os.path.join(b"a", b"b"))
for p in ["dir/sub/file.tar.gz", "file.txt", "dir/", ".bashrc", "a.b/c", "../up/x.py", ""]:
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p), os.path.splitext(p))
for p in ["a/./b/../c", "a//b", "../x/..", ".", "", "x/../.."]:
    print(repr(p), os.path.normpath(p))
print(os.path.isabs("rel/x"), os.path.isabs("/abs"))
print(os.path.abspath("rel/x") == os.path.join(os.getcwd(), "rel", "x"))
print(os.path.abspath(".") == os.getcwd(), os.path.isabs(os.path.abspath("y")))
try:
    os.path.join("a", 1)
except TypeError as e:
    print(e)
try:
    os.path.join("a", b"b")
except TypeError as e:
    print(e)

name = "os__tmp_path_%d.txt" % os.getpid()
folder = "os__tmp_path_dir_%d" % os.getpid()
try:
    with open(name, "w") as f:
        f.write("12345\n")
    os.mkdir(folder)
    for p in [name, folder, "os__no_such_entry"]:
        print(os.path.exists(p), os.path.isfile(p), os.path.isdir(p))
    print(os.path.getsize(name), os.path.exists("a\0b"))
    try:
        os.path.getsize("os__no_such_entry")
    except FileNotFoundError as e:
        print(e)
finally:
    if os.path.exists(name):
        os.remove(name)
    if os.path.exists(folder):
        os.rmdir(folder)
print(os.path.exists(name), os.path.exists(folder))
