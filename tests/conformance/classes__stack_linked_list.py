# Checks: a linked-list stack class with __len__/__iter__/__repr__/__bool__, push/pop/peek, and an empty-pop error.
class Node:
    def __init__(self, value, next_node):
        self.value = value
        self.next = next_node


class Stack:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty stack")
        node = self.head
        self.head = node.next
        self.size -= 1
        return node.value

    def peek(self):
        return None if self.head is None else self.head.value

    def __len__(self):
        return self.size

    def __iter__(self):
        return StackIter(self.head)

    def __repr__(self):
        return "Stack(" + ", ".join(repr(v) for v in self) + ")"


class StackIter:
    def __init__(self, node):
        self.node = node

    def __iter__(self):
        return self

    def __next__(self):
        if self.node is None:
            raise StopIteration
        v = self.node.value
        self.node = self.node.next
        return v


s = Stack()
print(s, len(s), bool(s), s.peek())
for ch in "abc":
    s.push(ch)
print(s, len(s), bool(s), s.peek(), list(s))
print(s.pop(), s.pop(), s, len(s))


def balanced(expr):
    st = Stack()
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in expr:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return len(st) == 0


print([balanced(e) for e in ["()", "([]{})", "(]", "((", "", "{[()()]}"]])
s.pop()
try:
    s.pop()
except IndexError as e:
    print(type(e).__name__, e)
