# Checks: __name__ is "__main__" for the executed file and the if __name__ == "__main__": idiom.
def main():
    print("main called")
    return 0


print(__name__)
print(type(__name__).__name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
if __name__ != "__main__":
    print("not reached")
print("done")
