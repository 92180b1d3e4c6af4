"""An import-linter contract type the built-in ones lack: no import circle between the
modules of a package, whichever subpackages they are in (pyproject.toml registers it as
`acyclic_modules`). import-linter's `acyclic_siblings` looks at packages as wholes, so it
also flags two subpackages that use each other through modules that form no circle.

Imports inside functions count too: such an import only hides a circle from Python."""

from collections import deque

import grimp
from importlinter import Contract, ContractCheck, fields, output


class AcyclicModulesContract(Contract):
    """Configuration: `package`, the package whose modules import no circle."""

    type_name = "acyclic_modules"
    package = fields.StringField()

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        package = str(self.package)
        modules = {package} | graph.find_descendants(package)
        imports = {
            module: graph.find_modules_directly_imported_by(module) & modules for module in modules
        }
        reaches = {module: _reachable(module, imports) for module in modules}
        circles, seen = [], set()
        for module in sorted(modules):
            if module in seen:
                continue
            circle = sorted(other for other in reaches[module] if module in reaches[other])
            seen.update(circle)
            if len(circle) > 1:
                lines = [
                    f"{importer} -> {imported} (l. {detail['line_number']})"
                    for importer in circle
                    for imported in sorted(imports[importer] & set(circle))
                    for detail in graph.get_import_details(importer=importer, imported=imported)
                ]
                circles.append(lines)
        return ContractCheck(kept=not circles, metadata={"circles": circles})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for number, lines in enumerate(check.metadata["circles"], start=1):
            output.print_error(f"Import circle {number}:")
            for line in lines:
                output.print_error(f"  {line}", bold=False)
            output.new_line()


def _reachable(start: str, imports: dict[str, set[str]]) -> set[str]:
    """The modules `start` imports, directly or not, and itself."""
    found, todo = {start}, deque([start])
    while todo:
        for imported in imports[todo.popleft()] - found:
            found.add(imported)
            todo.append(imported)
    return found
