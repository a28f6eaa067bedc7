# Checks: traceback through a method call and a property of a user class ending in ZeroDivisionError.
class Account:
    def __init__(self, total, people):
        self.total = total
        self.people = people

    def share(self):
        return self.total / self.people

    def report(self):
        return "each pays %.2f" % self.share()


print(Account(100, 4).report())
print(Account(100, 0).report())
