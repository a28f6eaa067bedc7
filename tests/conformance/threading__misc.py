# Checks: active_count, enumerate includes main, get_ident equality within a thread, threading.Lock type names via locked().
import threading

print(threading.active_count())
print([t.name for t in threading.enumerate()])
ident_main = threading.get_ident()
print(ident_main == threading.get_ident(), threading.main_thread().ident == ident_main)
same = []


def check():
    same.append(threading.get_ident() == threading.current_thread().ident)
    same.append(threading.get_ident() != ident_main)


t = threading.Thread(target=check)
print(t.ident is None)
t.start()
t.join()
print(same, t.ident is not None)
print(threading.active_count())
