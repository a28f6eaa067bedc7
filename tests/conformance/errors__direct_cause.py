# Checks: raise X from Y prints the cause's traceback then "The above exception was the direct cause...".
class ConfigError(Exception):
    pass


def read_port(cfg):
    try:
        return int(cfg["port"])
    except ValueError as e:
        raise ConfigError("port must be a number") from e


print(read_port({"port": "8080"}))
read_port({"port": "eighty"})
