import click
@click.command("compare")
def compare_command() -> int:
    return 0
