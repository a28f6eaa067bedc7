# Checks: single inheritance, method overriding, inherited methods/attributes, super() calls, isinstance/issubclass.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak()


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return "Woof"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + " (squeaky)"

    def describe(self):
        return super().describe() + ", age " + str(self.age)


class Cat(Animal):
    kind = "cat"

    def speak(self):
        return "Meow"


animals = [Animal("Generic"), Dog("Rex"), Puppy("Bit", 1), Cat("Tom")]
for a in animals:
    print(a.describe())
p = animals[2]
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog), issubclass(Dog, object))
print(isinstance(p, (Cat, Dog)), isinstance(3, (str, Animal)))
print(type(p).__name__, type(p) is Dog, type(p) is Puppy)
print(Puppy.kind, Puppy.__name__)
print(isinstance(1, object), isinstance(True, int), issubclass(bool, int))


class Base:
    def template(self):
        return "[" + self.hook() + "]"

    def hook(self):
        return "base"


class Derived(Base):
    def hook(self):
        return "derived"


print(Base().template(), Derived().template())
