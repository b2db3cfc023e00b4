from ninja.errors import HttpError


def check_range(param: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise HttpError(422, f"{param}: must be between {low} and {high}, got {value}")
