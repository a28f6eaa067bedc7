import os
import os.path
import os.path as osp
from os import path, sep as separator
from os.path import join
import sys, math


def local_import():
    import json
    from json import dumps
    return json, dumps
