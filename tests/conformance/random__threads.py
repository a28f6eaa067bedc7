# Checks: threads sharing random's hidden generator, or one Random instance, never tear its state: each call (random, getrandbits, randrange) is one atomic step, so together the threads draw exactly the values one thread would have drawn, in some order, and leave the generator where one thread would have.
import random
import threading

N_THREADS = 4
PER_THREAD = 300


def draw_together(draw):
    """Every value N_THREADS threads draw with draw(), PER_THREAD each."""
    got = []
    lock = threading.Lock()
    start = threading.Barrier(N_THREADS)

    def work():
        start.wait()
        mine = [draw() for i in range(PER_THREAD)]
        with lock:
            got.extend(mine)

    threads = [threading.Thread(target=work) for i in range(N_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return got


def main():
    total = N_THREADS * PER_THREAD
    random.seed(2024)
    alone = [random.random() for i in range(total)]
    random.seed(2024)
    together = draw_together(random.random)
    print("module random", len(together), sorted(together) == sorted(alone))

    random.seed(7)
    alone = [random.randrange(1000) for i in range(total)]
    random.seed(7)
    together = draw_together(lambda: random.randrange(1000))
    print("module randrange", len(together), sorted(together) == sorted(alone))

    shared = random.Random(99)
    alone = [shared.getrandbits(64) for i in range(total)]
    next_alone = shared.random()
    shared.seed(99)
    together = draw_together(lambda: shared.getrandbits(64))
    print("instance getrandbits", len(together), sorted(together) == sorted(alone))
    print("same state afterwards", shared.random() == next_alone)


if __name__ == "__main__":
    main()
