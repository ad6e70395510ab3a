/* The common case of parse/yaml_nodes.py at C speed: libyaml's events straight into data and a source map.
 *
 * A model file is plain mappings, lists and untagged scalars. This reader takes exactly those and gives
 * what the Python reader gives for them: the same data (plain scalars resolved by the same Python
 * function when they may be numbers, booleans or null), the same source map (every value and key at
 * its line and column, in document order) and the same count against the node budget. At anything
 * else (an anchor, alias, tag, merge key, duplicate key, a limit reached, a syntax error, a second
 * document, an empty file) it stops and returns None: the Python reader then reads the file from the
 * start and says what is wrong, so every message comes from one place.
 *
 * load(text, display, location_type, plain, max_depth, max_string_chars, budget_left, list_offsets)
 *   -> (root, values, keys, used) or None
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <yaml.h>

/* Plain scalars starting with one of these are text under every YAML 1.2 core rule
 * (yaml12._TEXT_START; a test checks the two agree). */
static const char TEXT_START[] = "abcdeghijklmopqrsuvwxyzABCDEGHIJKLMOPQRSUVWXYZ_/$@%^&*=<>?'\"";

typedef struct {
    PyObject *container; /* dict or list (borrowed: the parent or the result holds it) */
    PyObject *path;      /* owned tuple */
    PyObject *key;       /* owned pending key of a mapping, or NULL */
    Py_ssize_t next_index;
    int is_map;
} Open;

typedef struct {
    yaml_parser_t parser;
    PyObject *display;
    PyObject *location_type;
    PyObject *plain;
    Py_ssize_t max_depth, max_string_chars, budget_left, used;
    PyObject *list_offsets;
    PyObject *values, *keys, *root;
    Open *stack;
    Py_ssize_t depth, capacity;
} Reader;

static PyObject *location(Reader *r, yaml_mark_t mark) {
    PyObject *line = PyLong_FromSize_t(mark.line + 1);
    PyObject *column = line ? PyLong_FromSize_t(mark.column + 1) : NULL;
    if (column == NULL) {
        Py_XDECREF(line);
        return NULL;
    }
#if PY_VERSION_HEX < 0x030E0000
    /* tuple.__new__(Location, ...) without its argument tuples: allocated as the subtype, items set in
     * place (Location adds no fields to the tuple's). Python 3.14 caches a tuple's hash in the object,
     * which only tuple's own constructor sets up: the general path below is taken there. */
    PyObject *loc = ((PyTypeObject *)r->location_type)->tp_alloc((PyTypeObject *)r->location_type, 3);
    if (loc == NULL) {
        Py_DECREF(line);
        Py_DECREF(column);
        return NULL;
    }
    Py_INCREF(r->display);
    PyTuple_SET_ITEM(loc, 0, r->display);
    PyTuple_SET_ITEM(loc, 1, line);
    PyTuple_SET_ITEM(loc, 2, column);
    return loc;
#else
    PyObject *fields = PyTuple_Pack(3, r->display, line, column);
    Py_DECREF(line);
    Py_DECREF(column);
    PyObject *args = fields ? PyTuple_Pack(1, fields) : NULL;
    Py_XDECREF(fields);
    if (args == NULL) return NULL;
    PyObject *loc = PyTuple_Type.tp_new((PyTypeObject *)r->location_type, args, NULL);
    Py_DECREF(args);
    return loc;
#endif
}

static PyObject *path_with(PyObject *path, PyObject *last) {
    Py_ssize_t n = PyTuple_GET_SIZE(path);
    PyObject *longer = PyTuple_New(n + 1);
    if (longer == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(path, i);
        Py_INCREF(item);
        PyTuple_SET_ITEM(longer, i, item);
    }
    Py_INCREF(last);
    PyTuple_SET_ITEM(longer, n, last);
    return longer;
}

static int record(PyObject *map, PyObject *path, PyObject *loc) {
    return PyDict_SetItem(map, path, loc);
}

/* Where the next value goes: its path (new reference), or NULL with *stop set when the reader must
 * hand over (no error) and NULL with an exception on failure. */
static PyObject *next_path(Reader *r, int *stop) {
    if (r->depth == 0) return PyTuple_New(0);
    Open *top = &r->stack[r->depth - 1];
    if (top->is_map) {
        if (top->key == NULL) { *stop = 1; return NULL; } /* a collection as a key */
        return path_with(top->path, top->key);
    }
    PyObject *index = PyLong_FromSsize_t(top->next_index);
    if (index == NULL) return NULL;
    PyObject *path = path_with(top->path, index);
    Py_DECREF(index);
    return path;
}

static int attach(Reader *r, PyObject *value) {
    if (r->depth == 0) {
        Py_INCREF(value);
        r->root = value;
        return 0;
    }
    Open *top = &r->stack[r->depth - 1];
    if (top->is_map) {
        int failed = PyDict_SetItem(top->container, top->key, value);
        Py_CLEAR(top->key);
        return failed;
    }
    top->next_index++;
    return PyList_Append(top->container, value);
}

/* 1 handed over, 0 done, -1 error */
static int on_key(Reader *r, Open *top, yaml_event_t *event) {
    if (event->type != YAML_SCALAR_EVENT || event->data.scalar.anchor || event->data.scalar.tag) return 1;
    const char *text = (const char *)event->data.scalar.value;
    if (event->data.scalar.plain_implicit && strcmp(text, "<<") == 0) return 1;
    PyObject *key = PyUnicode_DecodeUTF8(text, (Py_ssize_t)event->data.scalar.length, "strict");
    if (key == NULL) return -1;
    int seen = PyDict_Contains(top->container, key);
    if (seen != 0) { Py_DECREF(key); return seen < 0 ? -1 : 1; } /* a duplicate: the Python reader says so */
    PyObject *loc = location(r, event->start_mark);
    PyObject *path = loc ? path_with(top->path, key) : NULL;
    int failed = path == NULL || record(r->keys, path, loc) < 0;
    Py_XDECREF(path);
    Py_XDECREF(loc);
    if (failed) { Py_DECREF(key); return -1; }
    top->key = key;
    return 0;
}

static int spend(Reader *r) {
    if (r->used >= r->budget_left || r->depth > r->max_depth) return 0;
    r->used++;
    return 1;
}

/* The value of an untagged scalar, or NULL: with an exception on failure, without one when the text is
 * over the length limit or the resolver refused it (the Python reader then says why). */
static PyObject *scalar_value(Reader *r, yaml_event_t *event, PyObject *loc) {
    PyObject *text = PyUnicode_DecodeUTF8((const char *)event->data.scalar.value,
                                          (Py_ssize_t)event->data.scalar.length, "strict");
    if (text == NULL) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text); /* characters, as the Python reader counts */
    if (n > r->max_string_chars) { Py_DECREF(text); return NULL; }
    if (!event->data.scalar.plain_implicit) return text;
    if (n > 0) {
        Py_UCS4 first = PyUnicode_READ_CHAR(text, 0);
        if (first < 128 && first != 0 && strchr(TEXT_START, (int)first) != NULL) return text;
    }
    PyObject *value = PyObject_CallFunctionObjArgs(r->plain, text, loc, NULL);
    Py_DECREF(text);
    if (value == NULL && !PyErr_ExceptionMatches(PyExc_MemoryError)) PyErr_Clear(); /* e.g. Y010 */
    return value;
}

/* 1 handed over, 0 done, -1 error */
static int on_scalar(Reader *r, yaml_event_t *event) {
    if (event->data.scalar.anchor || event->data.scalar.tag) return 1;
    if (!spend(r)) return 1;
    int stop = 0;
    PyObject *path = next_path(r, &stop);
    if (path == NULL) return stop ? 1 : -1;
    PyObject *loc = location(r, event->start_mark);
    PyObject *value = loc ? scalar_value(r, event, loc) : NULL;
    if (value == NULL) {
        Py_DECREF(path);
        Py_XDECREF(loc);
        return PyErr_Occurred() ? -1 : 1;
    }
    int failed = record(r->values, path, loc) < 0 || attach(r, value) < 0;
    Py_DECREF(path);
    Py_DECREF(loc);
    Py_DECREF(value);
    return failed ? -1 : 0;
}

/* 1 handed over, 0 done, -1 error */
static int on_start(Reader *r, yaml_event_t *event, int is_map) {
    yaml_char_t *anchor = is_map ? event->data.mapping_start.anchor : event->data.sequence_start.anchor;
    yaml_char_t *tag = is_map ? event->data.mapping_start.tag : event->data.sequence_start.tag;
    if (anchor || tag) return 1;
    if (!spend(r)) return 1;
    int stop = 0;
    PyObject *path = next_path(r, &stop);
    if (path == NULL) return stop ? 1 : -1;
    Py_ssize_t first = 0;
    if (!is_map && PyTuple_GET_SIZE(path) == 1) { /* a top-level list numbers on from earlier files */
        PyObject *offset = PyDict_GetItemWithError(r->list_offsets, PyTuple_GET_ITEM(path, 0));
        if (offset == NULL && PyErr_Occurred()) { Py_DECREF(path); return -1; }
        if (offset != NULL) {
            first = PyLong_AsSsize_t(offset);
            if (first == -1 && PyErr_Occurred()) { Py_DECREF(path); return -1; }
        }
    }
    PyObject *loc = location(r, event->start_mark);
    PyObject *container = is_map ? PyDict_New() : PyList_New(0);
    if (loc == NULL || container == NULL || record(r->values, path, loc) < 0 || attach(r, container) < 0) {
        Py_XDECREF(loc); Py_XDECREF(container); Py_DECREF(path);
        return -1;
    }
    Py_DECREF(loc);
    if (r->depth == r->capacity) {
        Py_ssize_t capacity = r->capacity ? r->capacity * 2 : 16;
        Open *grown = PyMem_Realloc(r->stack, (size_t)capacity * sizeof(Open));
        if (grown == NULL) { Py_DECREF(container); Py_DECREF(path); PyErr_NoMemory(); return -1; }
        r->stack = grown;
        r->capacity = capacity;
    }
    Open *open = &r->stack[r->depth++];
    open->container = container;
    Py_DECREF(container); /* held by its parent, or by r->root */
    open->path = path;
    open->key = NULL;
    open->next_index = first;
    open->is_map = is_map;
    return 0;
}

static void on_end(Reader *r) {
    Open *done = &r->stack[--r->depth];
    Py_CLEAR(done->path);
    Py_CLEAR(done->key);
}

/* 1 handed over, 0 finished, -1 error */
static int run(Reader *r) {
    int documents = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&r->parser, &event)) return 1; /* a syntax error: the Python reader locates it */
        int outcome = 0, finished = 0;
        switch (event.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
            break;
        case YAML_DOCUMENT_START_EVENT:
            outcome = ++documents > 1;
            break;
        case YAML_STREAM_END_EVENT:
            finished = 1;
            break;
        case YAML_ALIAS_EVENT:
            outcome = 1;
            break;
        case YAML_SCALAR_EVENT:
            if (r->depth > 0 && r->stack[r->depth - 1].is_map && r->stack[r->depth - 1].key == NULL)
                outcome = on_key(r, &r->stack[r->depth - 1], &event);
            else
                outcome = on_scalar(r, &event);
            break;
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
            if (r->depth > 0 && r->stack[r->depth - 1].is_map && r->stack[r->depth - 1].key == NULL)
                outcome = 1; /* a collection as a mapping key */
            else
                outcome = on_start(r, &event, event.type == YAML_MAPPING_START_EVENT);
            break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
            on_end(r);
            break;
        default:
            outcome = 1;
        }
        yaml_event_delete(&event);
        if (outcome != 0) return outcome;
        if (finished) return r->root == NULL ? 1 : 0; /* an empty file: the Python reader says so */
    }
}

static PyObject *load(PyObject *module, PyObject *args) {
    PyObject *text, *display, *location_type, *plain, *list_offsets;
    Py_ssize_t max_depth, max_string_chars, budget_left;
    if (!PyArg_ParseTuple(args, "UUOOnnnO!", &text, &display, &location_type, &plain, &max_depth,
                          &max_string_chars, &budget_left, &PyDict_Type, &list_offsets))
        return NULL;
    if (!PyType_Check(location_type) || !PyType_IsSubtype((PyTypeObject *)location_type, &PyTuple_Type) ||
        ((PyTypeObject *)location_type)->tp_dictoffset != 0) {
        PyErr_SetString(PyExc_TypeError, "location_type must be a tuple type without instance attributes");
        return NULL;
    }
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &size);
    if (utf8 == NULL) return NULL;
    Reader r = {0};
    if (!yaml_parser_initialize(&r.parser)) return PyErr_NoMemory();
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)utf8, (size_t)size);
    yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
    r.display = display;
    r.location_type = location_type;
    r.plain = plain;
    r.max_depth = max_depth;
    r.max_string_chars = max_string_chars;
    r.budget_left = budget_left;
    r.list_offsets = list_offsets;
    r.values = PyDict_New();
    r.keys = PyDict_New();
    int outcome = (r.values && r.keys) ? run(&r) : -1;
    while (r.depth > 0) on_end(&r);
    PyMem_Free(r.stack);
    yaml_parser_delete(&r.parser);
    PyObject *result = NULL;
    if (outcome == 0) {
        result = Py_BuildValue("(OOOn)", r.root, r.values, r.keys, r.used);
    } else if (outcome == 1) {
        result = Py_None;
        Py_INCREF(result);
    }
    Py_XDECREF(r.root);
    Py_XDECREF(r.values);
    Py_XDECREF(r.keys);
    return result;
}

static PyMethodDef methods[] = {
    {"load", load, METH_VARARGS, "libyaml events into (data, values, keys, used), or None to hand over."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_fastyaml", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__fastyaml(void) {
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddStringConstant(m, "TEXT_START", TEXT_START) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
