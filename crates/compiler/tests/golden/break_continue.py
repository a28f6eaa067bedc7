def loops(items):
    for item in items:
        if item == 1:
            continue
        if item == 2:
            break
    else:
        return None
    while items:
        items.pop()
        if not items:
            break
        continue
    return items


def through_finally(items):
    for item in items:
        try:
            if item:
                break
            continue
        finally:
            print("cleanup")
    return 0


def through_with(lock, items):
    for item in items:
        with lock:
            if item:
                continue
            break


def return_in_finally(x):
    try:
        return x
    finally:
        print("done")


def return_in_with(lock):
    with lock as held:
        return held


def break_in_except(items):
    for item in items:
        try:
            item()
        except ValueError as e:
            break
        except Exception:
            continue
