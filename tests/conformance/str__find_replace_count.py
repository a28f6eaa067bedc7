# Checks: find (with start/end), replace (with count), count, in, index errors, isdigit.
s = "the cat sat on the mat"
print(s.find("at"), s.find("at", 6), s.find("at", 6, 8), s.find("dog"), s.find(""), s.find("the", 1))
print(s.replace("at", "og"), s.replace("at", "og", 2), s.replace("the ", ""), s.replace("", "-")[:9])
print(s.count("at"), s.count("the"), s.count("z"), s.count(""), "aaaa".count("aa"))
print("cat" in s, "dog" in s, "" in s, "Cat" in s)
print("12345".isdigit(), "12a".isdigit(), "".isdigit(), " 1".isdigit(), "007".isdigit())
print("banana".replace("a", "A", 0), "banana".replace("na", ""), "aaa".replace("a", "aa"))
print("hello".index("l"), "hello".rfind("l"), "hello".rfind("z"))
try:
    "hello".index("z")
except ValueError as e:
    print(type(e).__name__, e)
text = "one two three two one"
pos = []
i = text.find("two")
while i != -1:
    pos.append(i)
    i = text.find("two", i + 1)
print(pos)
