"""misquote's checking core: pure Python, no Flask, Celery or SQLAlchemy.

Stages (each a module): ``text`` (normalisation with an offset map, sentences), ``quotes`` (direct
quote extraction), ``speakers`` (attribution), ``figures`` (numbers with units and qualifiers),
``corpus`` (reference passages and the candidate index), ``matching`` (retrieval, rapidfuzz
verification, word diff), ``verdicts`` (rules) and ``check`` (the whole pipeline for one draft).
The adapters pass everything in; nothing here reads configuration or global state.
"""
