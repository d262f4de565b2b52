"""From resolved ``Extraction`` objects to RDF: namespaces, graph building,
deterministic serialisation, SHACL validation."""
