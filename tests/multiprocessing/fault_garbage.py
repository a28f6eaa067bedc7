from multiprocessing import Pool, ProcessError

def ident(x):
    return x

def scribble():
    f = open("/dev/stdout", "w")
    f.write("garbage, not a protocol message\n")
    f.close()
    return "unreachable"

if __name__ == "__main__":
    with Pool(1) as pool:
        print("before", pool.apply(ident, ("ok",)))
        try:
            pool.apply(scribble)
        except ProcessError as e:
            print("ProcessError:", e)
