# Checks: an exception raised in finally while another propagates: both shown, linked by "During handling...".
def work():
    try:
        raise ValueError("original problem")
    finally:
        raise RuntimeError("cleanup failed")


work()
