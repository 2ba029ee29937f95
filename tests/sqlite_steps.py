"""What a read costs SQLite: the statements it runs and the steps its machine takes for them, which grow with the
rows a plan visits (a plan scanning every row for each of many keys shows as work growing with their product)."""

from sqlalchemy import event


def work(db, read) -> tuple[int, int]:
    """The statements `read(connection)` runs and the steps SQLite's machine takes for them (in thousands)."""
    statements, steps = [], [0]

    def counted(*args):
        statements.append(args[2])

    def step() -> int:
        steps[0] += 1
        return 0

    with db.read() as connection:
        driver = connection.connection.driver_connection
        event.listen(db.engine, "before_cursor_execute", counted)
        driver.set_progress_handler(step, 1000)
        try:
            read(connection)
        finally:
            driver.set_progress_handler(None, 1000)
            event.remove(db.engine, "before_cursor_execute", counted)
    return len(statements), steps[0]
