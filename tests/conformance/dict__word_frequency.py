# Checks: a word-frequency program: normalisation, counting with get, sorting items by (-count, word), top-N output.
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity"""
counts = {}
for raw in text.split():
    word = raw.strip(".,;").lower()
    counts[word] = counts.get(word, 0) + 1
print(len(counts), sum(counts.values()))
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:6]:
    print("%-8s %2d %s" % (word, n, "#" * n))
by_len = {}
for word in counts:
    by_len.setdefault(len(word), []).append(word)
for length in sorted(by_len):
    print(length, sorted(by_len[length]))
first_seen = list(counts)[:5]
print(first_seen)
