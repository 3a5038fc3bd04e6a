/* reportlint's hottest loops, compiled: what their Python twins do, bit for bit, several times
 * faster. lint/kinds/loops.py chooses between the two; the twins (same signatures: _compiled.pyi)
 * run wherever this module was not built, or with REPORTLINT_PURE_PYTHON=1, and say what each
 * step means; tests/test_speedups.py holds the two to the same results on random input.
 *
 * Near duplicates (WR401, WR402; twins in lint/kinds/duplicates/twins.py):
 *   fold                   the blocks with their whitespace taken out, joined
 *   block_units, sentence_units, clause_units
 *                          the units compared, keys placed in the joined text
 *   verbatim_copies        later copies of a key seen before
 *   outside                the units outside the spans already reported
 *   ranks                  the rank of the 3-gram at every offset
 *   candidates, clause_candidates
 *                          the sketch index (duplicates/sketch.py) and the windows, less the pairs
 *                          that cannot reach the threshold (may_reach; the twins keep them)
 * Repeated words (WR403; twin in lint/kinds/twins.py):
 *   doubled_words          what ([一-鿿]{2,4})\1 finds
 * Paired punctuation (WR502; twin in lint/kinds/twins.py):
 *   unbalanced_blocks      the blocks check_pairs must read: elsewhere every bracket closes in order
 *                          (the twin answers every block)
 * Where a pattern can start (the pattern kinds; twin in lint/kinds/twins.py):
 *   offsets_many           where the strings of each of several sets occur, in one pass over the text
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MIX UINT64_C(0x9E3779B97F4A7C15)

static inline int64_t
clamp_index(int64_t i, int64_t n)   /* a slice bound as Python reads it */
{
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    return i > n ? n : i;
}

/* ---------------------------------------------------------------- 3-gram keys and counts */

/* The key of the 3-gram at offset i: the int duplicates/sketch.py's Grams makes for it, so that the
 * tie-break, and with it every rank, is the same. */
static inline uint64_t
gram_key(int kind, const void *data, Py_ssize_t i)
{
    Py_UCS4 a = PyUnicode_READ(kind, data, i);
    Py_UCS4 b = PyUnicode_READ(kind, data, i + 1);
    Py_UCS4 c = PyUnicode_READ(kind, data, i + 2);
    if (kind == PyUnicode_4BYTE_KIND)       /* not all in the BMP: code points, 21 bits each */
        return (uint64_t)a << 42 | (uint64_t)b << 21 | c;
#if PY_BIG_ENDIAN                           /* three UTF-16 units read as one native word */
    return (uint64_t)a << 48 | (uint64_t)b << 32 | (uint64_t)c << 16;
#else
    return (uint64_t)a | (uint64_t)b << 16 | (uint64_t)c << 32;
#endif
}

/* gram_key for the common case, two-byte text, with no switch on the kind. */
static inline uint64_t
ucs2_gram_key(const void *data, Py_ssize_t i)
{
    const Py_UCS2 *t = (const Py_UCS2 *)data + i;
#if PY_BIG_ENDIAN
    return (uint64_t)t[0] << 48 | (uint64_t)t[1] << 32 | (uint64_t)t[2] << 16;
#else
    return (uint64_t)t[0] | (uint64_t)t[1] << 16 | (uint64_t)t[2] << 32;
#endif
}

typedef struct {            /* one slot of the open-addressing table of 3-grams */
    uint64_t key;
    uint32_t count;         /* 0: an empty slot */
    uint32_t rank;
} Slot;

typedef struct {
    Slot *slots;
    size_t mask;            /* capacity - 1, a power of two */
    int shift;              /* 64 - log2(capacity): a key's slot is the top bits of key * MIX */
    size_t used;
} Table;

static inline size_t
slot_of(const Table *t, uint64_t key)
{
    return (size_t)((key * MIX) >> t->shift);
}

static int
table_init(Table *t, size_t expected)
{
    size_t capacity = 64;
    int shift = 58;
    while (capacity < 2 * expected) {
        capacity <<= 1;
        shift--;
    }
    t->slots = PyMem_Calloc(capacity, sizeof(Slot));
    t->mask = capacity - 1;
    t->shift = shift;
    t->used = 0;
    return t->slots ? 0 : -1;
}

static int
table_grow(Table *t)
{
    Table bigger;
    if (t->mask + 1 > UINT32_MAX / 2 || table_init(&bigger, t->mask + 1) < 0)     /* slots are numbered in 32 bits */
        return -1;
    for (size_t s = 0; s <= t->mask; s++) {
        Slot *old = &t->slots[s];
        if (!old->count)
            continue;
        size_t at = slot_of(&bigger, old->key);
        while (bigger.slots[at].count)
            at = (at + 1) & bigger.mask;
        bigger.slots[at] = *old;
    }
    bigger.used = t->used;
    PyMem_Free(t->slots);
    *t = bigger;
    return 0;
}

static inline Slot *
table_find(const Table *t, uint64_t key)
{
    size_t at = slot_of(t, key);
    while (t->slots[at].count && t->slots[at].key != key)
        at = (at + 1) & t->mask;
    return &t->slots[at];
}

typedef struct {            /* a repeated 3-gram, ordered as sketch.ranks_of_repeated orders them */
    uint64_t tie_break;
    uint32_t count;
    uint32_t slot;
} Repeated;

/* Byte `pass` of the sort key: the tie-break's 8 bytes, then the count's 4, least significant first. */
static inline unsigned
key_byte(const Repeated *r, int pass)
{
    return pass < 8 ? (unsigned)(r->tie_break >> 8 * pass) & 255 : (r->count >> 8 * (pass - 8)) & 255;
}

/* Sort by count, then tie-break: an LSD radix sort, one byte a pass, a pass skipped where every
 * key has the same byte (the counts' high bytes). A comparison sort took as long as counting. */
static int
sort_repeated(Repeated **items, size_t n)
{
    Repeated *from = *items, *to = PyMem_Malloc((n ? n : 1) * sizeof(Repeated));
    if (!to)
        return -1;
    for (int pass = 0; pass < 12; pass++) {
        size_t at[256] = {0};
        for (size_t i = 0; i < n; i++)
            at[key_byte(&from[i], pass)]++;
        if (n && at[key_byte(&from[0], pass)] == n)
            continue;
        size_t sum = 0;
        for (int b = 0; b < 256; b++) {
            size_t size = at[b];
            at[b] = sum;
            sum += size;
        }
        for (size_t i = 0; i < n; i++)
            to[at[key_byte(&from[i], pass)]++] = from[i];
        Repeated *swap = from;
        from = to;
        to = swap;
    }
    PyMem_Free(to);
    *items = from;
    return 0;
}

/* Number the repeated 3-grams 1, 2, ... by count, then tie-break; a 3-gram seen once keeps rank 0. */
static int
rank_repeated(Table *t)
{
    size_t n = 0;
    for (size_t s = 0; s <= t->mask; s++)
        n += t->slots[s].count > 1;
    Repeated *repeated = PyMem_Malloc((n ? n : 1) * sizeof(Repeated));
    if (!repeated)
        return -1;
    n = 0;
    for (size_t s = 0; s <= t->mask; s++) {
        Slot *slot = &t->slots[s];
        if (slot->count > 1)
            repeated[n++] = (Repeated){slot->key * MIX, slot->count, (uint32_t)s};
    }
    if (sort_repeated(&repeated, n) < 0) {
        PyMem_Free(repeated);
        return -1;
    }
    for (size_t r = 0; r < n; r++)
        t->slots[repeated[r].slot].rank = (uint32_t)(r + 1);
    PyMem_Free(repeated);
    return 0;
}

/* Fill ranks[0:count] with the rank of the 3-gram at every offset of text; -1 out of memory. */
static int
fill_ranks(PyObject *text, uint32_t *ranks, Py_ssize_t count)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* Sized for a 3-gram an offset up to a point (a 25 KB report's table stays in the cache and
     * never grows); past it, grown as distinct 3-grams come. */
    Table table;
    if (table_init(&table, (size_t)(count < (1 << 16) ? count : (1 << 16))) < 0)
        return -1;
    int grown = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        uint64_t key = kind == PyUnicode_2BYTE_KIND ? ucs2_gram_key(data, i) : gram_key(kind, data, i);
        Slot *slot = table_find(&table, key);
        if (!slot->count) {
            if (2 * (table.used + 1) > table.mask + 1) {
                if (table_grow(&table) < 0)
                    goto no_memory;
                grown = 1;
                slot = table_find(&table, key);
            }
            slot->key = key;
            table.used++;
        }
        if (slot->count < UINT32_MAX)
            slot->count++;
        ranks[i] = (uint32_t)(slot - table.slots);     /* its slot, while the table keeps its size */
    }
    if (rank_repeated(&table) < 0)
        goto no_memory;
    if (grown)
        for (Py_ssize_t i = 0; i < count; i++)
            ranks[i] = table_find(&table, gram_key(kind, data, i))->rank;
    else
        for (Py_ssize_t i = 0; i < count; i++)
            ranks[i] = table.slots[ranks[i]].rank;
    PyMem_Free(table.slots);
    return 0;

no_memory:
    PyMem_Free(table.slots);
    return -1;
}

/* ranks(text): a new array("I") holding the rank of the 3-gram at every offset of text, made as
 * array("I", bytes(4 * n)) and filled in place. */
static PyObject *
ranks(PyObject *module, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U:ranks", &text))
        return NULL;
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), count = length > 2 ? length - 2 : 0;
    PyObject *array_module = PyImport_ImportModule("array");
    if (!array_module)
        return NULL;
    /* bytes(n) is calloc'd: its pages are never touched, and cost no memory while copied. */
    PyObject *zeros = PyObject_CallFunction((PyObject *)&PyBytes_Type, "n", count * (Py_ssize_t)sizeof(uint32_t));
    PyObject *out = NULL;
    if (zeros) {
        out = PyObject_CallMethod(array_module, "array", "sO", "I", zeros);
        Py_DECREF(zeros);
    }
    Py_DECREF(array_module);
    if (!out)
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(out, &view, PyBUF_WRITABLE) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    if (view.len != count * (Py_ssize_t)sizeof(uint32_t)) {     /* an unsigned int is not 4 bytes here */
        PyBuffer_Release(&view);
        Py_DECREF(out);
        return PyErr_Format(PyExc_RuntimeError, "ranks: array('I') items are not 4 bytes");
    }
    int failed = fill_ranks(text, view.buf, count);
    PyBuffer_Release(&view);
    if (failed) {
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    return out;
}

/* ---------------------------------------------------------------- bounds on the similarity */

/* Two keys of lengths a and b at fuzz.ratio r (= 2*LCS/(a + b)) share at least (a + b)(2.5r - 2) - 2
 * 3-grams, counted with repeats: the LCS's matched characters fall into at most U + 1 runs, U being
 * the a + b - 2*LCS characters left unmatched, and a run of n characters holds n - 2 common 3-grams.
 * So keys sharing fewer cannot reach r, and are never scored. (The keys never overlap, so a 3-gram
 * they share occurs twice in the document and has a rank.) */
static int
may_reach(size_t shared, int64_t a, int64_t b, double r)
{
    if (r <= 0)
        return 1;
    double least = (double)(a + b) * (2.5 * (r - 1e-6) - 2) - 2;     /* 1e-6: never prune at r itself */
    return (double)shared >= least;
}

/* The offsets of a key's 3-grams in the ranks: from..to. */
static inline void
key_grams(int64_t at, int64_t length, Py_ssize_t rank_count, int64_t *from, int64_t *to)
{
    *from = at < 0 ? 0 : at;
    *to = at + length - 2 > rank_count ? rank_count : at + length - 2;
}

/* Count (delta 1) or uncount (delta -1) a key's repeated 3-grams in `count`, indexed by rank. */
static void
count_grams(uint32_t *count, const uint32_t *ranks, int64_t from, int64_t to, int delta)
{
    for (int64_t p = from; p < to; p++)
        count[ranks[p]] += (uint32_t)delta;
}

/* How many 3-grams the key from..to shares with the one counted in `count`, repeats counted;
 * `used` is all zeros before and after. Linear: no sorting. */
static size_t
shared_grams(const uint32_t *count, uint32_t *used, const uint32_t *ranks, int64_t from, int64_t to)
{
    size_t shared = 0;
    for (int64_t p = from; p < to; p++) {
        uint32_t r = ranks[p];
        if (r && used[r] < count[r]) {
            used[r]++;
            shared++;
        }
    }
    for (int64_t p = from; p < to; p++)
        used[ranks[p]] = 0;
    return shared;
}

/* A key's characters and how often each occurs, to bound the LCS of two keys by the characters
 * they share (repeats counted): fuzz.ratio is at most 2 * shared / (a + b). */
typedef struct {
    Py_UCS4 *chars;
    uint32_t *count, *used;
    int64_t *stamp;         /* which other key `used` counts for: reset when another comes */
    size_t mask;
} CharCounts;

static void
char_counts_free(CharCounts *cc)
{
    PyMem_Free(cc->chars);
    PyMem_Free(cc->count);
    PyMem_Free(cc->used);
    PyMem_Free(cc->stamp);
    *cc = (CharCounts){0};
}

static inline size_t
char_slot(const CharCounts *cc, Py_UCS4 c)
{
    size_t at = (size_t)(c * UINT32_C(2654435761)) & cc->mask;
    while (cc->count[at] && cc->chars[at] != c)
        at = (at + 1) & cc->mask;
    return at;
}

/* Count the characters of text[from:to]; -1 when out of memory. */
static int
char_counts_of(CharCounts *cc, int kind, const void *data, int64_t from, int64_t to)
{
    size_t capacity = 16;
    while (capacity < 2 * (size_t)(to > from ? to - from : 0))
        capacity <<= 1;
    if (capacity != cc->mask + 1 || !cc->chars) {
        char_counts_free(cc);
        cc->chars = PyMem_Malloc(capacity * sizeof(Py_UCS4));
        cc->count = PyMem_Malloc(capacity * sizeof(uint32_t));
        cc->used = PyMem_Malloc(capacity * sizeof(uint32_t));
        cc->stamp = PyMem_Malloc(capacity * sizeof(int64_t));
        cc->mask = capacity - 1;
        if (!cc->chars || !cc->count || !cc->used || !cc->stamp)
            return -1;
    }
    memset(cc->count, 0, capacity * sizeof(uint32_t));
    memset(cc->stamp, 0xff, capacity * sizeof(int64_t));
    for (int64_t p = from; p < to; p++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, p);
        size_t at = char_slot(cc, c);
        cc->chars[at] = c;
        cc->count[at]++;
    }
    return 0;
}

/* How many characters of text[from:to] the counted key also holds, repeats counted. */
static size_t
chars_shared(CharCounts *cc, int kind, const void *data, int64_t from, int64_t to, int64_t other)
{
    size_t shared = 0;
    for (int64_t p = from; p < to; p++) {
        size_t at = char_slot(cc, PyUnicode_READ(kind, data, p));
        if (!cc->count[at])
            continue;
        if (cc->stamp[at] != other) {
            cc->stamp[at] = other;
            cc->used[at] = 0;
        }
        if (cc->used[at] < cc->count[at]) {
            cc->used[at]++;
            shared++;
        }
    }
    return shared;
}

/* Whether two keys sharing `shared` characters may reach fuzz.ratio r: 2 * LCS / (a + b) >= r. */
static inline int
chars_may_reach(size_t shared, int64_t a, int64_t b, double r)
{
    return r <= 0 || 2.0 * (double)shared >= (r - 1e-6) * (double)(a + b);
}

/* Both bounds for keys i and j, the cheap one first; -1 when out of memory. */
static int
pair_may_reach(CharCounts *cc, int *counted_chars, int kind, const void *data, int64_t text_length,
               int64_t at_i, int64_t length_i, int64_t at_j, int64_t length_j, int64_t j, double r)
{
    if (!*counted_chars) {
        int64_t from = clamp_index(at_i, text_length), to = clamp_index(at_i + length_i, text_length);
        if (char_counts_of(cc, kind, data, from, to > from ? to : from) < 0)
            return -1;
        *counted_chars = 1;
    }
    int64_t from = clamp_index(at_j, text_length), to = clamp_index(at_j + length_j, text_length);
    return chars_may_reach(chars_shared(cc, kind, data, from, to > from ? to : from, j), length_i, length_j, r);
}

/* ---------------------------------------------------------------- the sketch index */

typedef struct {            /* the units holding one sketch entry */
    int64_t *units;
    uint32_t size, capacity;
} Posting;

typedef struct {
    const uint32_t *ranks;
    Py_ssize_t rank_count;
    const int64_t *at, *length, *start, *end;
    Py_ssize_t unit_count;
    int k, max_bucket, min_shared;
    double overlap, bound;
    uint32_t top;           /* the highest rank */
    Posting *postings;      /* by rank */
    uint8_t *common;        /* by rank: a stop entry */
    int *sizes;             /* by unit: its sketch's size */
    double floor;           /* the similarity (0-1) a candidate must be able to reach: may_reach */
    uint32_t *count, *used; /* by rank: shared_grams's tallies */
    int kind;               /* the joined text, for the characters two keys share */
    const void *data;
    int64_t text_length;
    CharCounts chars;
} Index;

/* Unit i's sketch: the k lowest distinct ranks of its 3-grams, zero and stop entries left out,
 * in ascending order. Returns its size. */
static int
sketch_of(const Index *ix, Py_ssize_t i, uint32_t *sketch)
{
    Py_ssize_t from = ix->at[i], to = ix->at[i] + ix->length[i] - 2;
    if (from < 0)
        from = 0;
    if (to > ix->rank_count)
        to = ix->rank_count;
    int size = 0;
    if (ix->k == 0)
        return 0;
    for (Py_ssize_t p = from; p < to; p++) {
        uint32_t r = ix->ranks[p];
        if (!r || r > ix->top || ix->common[r] || (size == ix->k && r >= sketch[size - 1]))
            continue;
        int q = size;
        while (q > 0 && sketch[q - 1] > r)
            q--;
        if (q > 0 && sketch[q - 1] == r)
            continue;
        if (size < ix->k)
            size++;
        memmove(&sketch[q + 1], &sketch[q], (size_t)(size - 1 - q) * sizeof(uint32_t));
        sketch[q] = r;
    }
    return size;
}

static int
posting_add(Posting *posting, int64_t unit)
{
    if (posting->size == posting->capacity) {
        uint32_t capacity = posting->capacity ? 2 * posting->capacity : 4;
        int64_t *units = PyMem_Realloc(posting->units, capacity * sizeof(int64_t));
        if (!units)
            return -1;
        posting->units = units;
        posting->capacity = capacity;
    }
    posting->units[posting->size++] = unit;
    return 0;
}

static int
by_value(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
}

/* The shortest and longest key length that can reach the threshold against `length`, by the very
 * comparison sketch.length_window settles them on. */
static void
length_window(int64_t length, double bound, int64_t *shortest, int64_t *longest)
{
#define FITS(other) ((double)((length) < (other) ? (length) : (other)) >= bound * (double)((length) + (other)))
    if (bound <= 0) {
        *shortest = 0;
        *longest = INT64_MAX;
        return;
    }
    int64_t s = (int64_t)(bound * (double)length / (1 - bound));
    if (s > length)
        s = length;
    while (s > 0 && FITS(s - 1))
        s--;
    while (s <= length && !FITS(s))
        s++;
    int64_t l = (int64_t)((double)length * (1 - bound) / bound);
    if (l < length)
        l = length;
    while (FITS(l + 1))
        l++;
    while (l >= length && !FITS(l))
        l--;
    *shortest = s;
    *longest = l;
#undef FITS
}

/* Index unit i; append (i, [candidates]) to `out` when it has any. */
static int
index_unit(Index *ix, Py_ssize_t i, int64_t **hits, size_t *hits_capacity, PyObject *out)
{
    uint32_t sketch[64];
    int size = sketch_of(ix, i, sketch);
    ix->sizes[i] = size;
    if (!size)
        return 0;
    size_t total = 0;
    uint32_t longest_posting = 0;
    for (int s = 0; s < size; s++)
        total += ix->postings[sketch[s]].size;
    if (total > *hits_capacity) {
        int64_t *more = PyMem_Realloc(*hits, total * sizeof(int64_t));
        if (!more)
            return -1;
        *hits = more;
        *hits_capacity = total;
    }
    size_t n = 0;
    for (int s = 0; s < size; s++) {
        Posting *posting = &ix->postings[sketch[s]];
        if (posting->size) {
            memcpy(*hits + n, posting->units, posting->size * sizeof(int64_t));
            n += posting->size;
        }
        if (posting_add(posting, i) < 0)
            return -1;
        if (posting->size > longest_posting)
            longest_posting = posting->size;
    }
    if ((int64_t)n >= ix->max_bucket && (int64_t)longest_posting > ix->max_bucket) {
        for (int s = 0; s < size; s++) {        /* too common to say anything: a stop entry */
            Posting *posting = &ix->postings[sketch[s]];
            if ((int64_t)posting->size > ix->max_bucket) {
                ix->common[sketch[s]] = 1;
                PyMem_Free(posting->units);
                *posting = (Posting){NULL, 0, 0};
            }
        }
    }
    int need = ix->min_shared < size ? ix->min_shared : size;
    if (need < 1)
        need = 1;
    if (n < (size_t)need)
        return 0;
    qsort(*hits, n, sizeof(int64_t), by_value);
    int counted = 0, counted_chars = 0;
    int64_t mine_from, mine_to;
    key_grams(ix->at[i], ix->length[i], ix->rank_count, &mine_from, &mine_to);
    int64_t shortest, longest;
    length_window(ix->length[i], ix->bound, &shortest, &longest);
    PyObject *found = NULL;
    for (size_t x = 0; x < n;) {
        int64_t j = (*hits)[x];
        size_t run = 1;
        while (x + run < n && (*hits)[x + run] == j)
            run++;
        x += run;
        if (run < (size_t)need || ix->length[j] < shortest || ix->length[j] > longest
                || ix->end[j] > ix->start[i])
            continue;
        if (ix->overlap != 0.0
                && !((double)run * (1 + ix->overlap) >= ix->overlap * (double)(size + ix->sizes[j])))
            continue;
        if (ix->floor > 0) {
            if (!counted) {     /* unit i's 3-grams, counted when a candidate first needs them */
                count_grams(ix->count, ix->ranks, mine_from, mine_to, 1);
                counted = 1;
            }
            int64_t from, to;
            key_grams(ix->at[j], ix->length[j], ix->rank_count, &from, &to);
            if (!may_reach(shared_grams(ix->count, ix->used, ix->ranks, from, to),
                           ix->length[i], ix->length[j], ix->floor))
                continue;
            int reach = pair_may_reach(&ix->chars, &counted_chars, ix->kind, ix->data, ix->text_length,
                                       ix->at[i], ix->length[i], ix->at[j], ix->length[j], j, ix->floor);
            if (reach < 0)
                return -1;
            if (!reach)
                continue;
        }
        if (!found && !(found = PyList_New(0)))
            return -1;
        PyObject *unit = PyLong_FromLongLong(j);
        if (!unit || PyList_Append(found, unit) < 0) {
            Py_XDECREF(unit);
            Py_DECREF(found);
            return -1;
        }
        Py_DECREF(unit);
    }
    if (counted)
        count_grams(ix->count, ix->ranks, mine_from, mine_to, -1);
    if (!found)
        return 0;
    PyObject *pair = Py_BuildValue("(nN)", i, found);
    if (!pair)
        return -1;
    int failed = PyList_Append(out, pair);
    Py_DECREF(pair);
    return failed;
}

static int
get_column(PyObject *object, Py_buffer *view, Py_ssize_t itemsize, const char *name)
{
    if (PyObject_GetBuffer(object, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    if (view->itemsize != itemsize || view->len % itemsize) {
        PyErr_Format(PyExc_TypeError, "%s must be an array of %zd-byte ints", name, itemsize);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static void
release_all(Py_buffer *views, int count)
{
    while (count-- > 0)
        PyBuffer_Release(&views[count]);
}

/* `count` columns: the first of `first_size`-byte ints, the others of int64s. On failure none is
 * held and an error is set. */
static int
get_columns(PyObject *const *objects, Py_buffer *views, int count, const char *const *names, Py_ssize_t first_size)
{
    for (int got = 0; got < count; got++)
        if (get_column(objects[got], &views[got], got ? 8 : first_size, names[got]) < 0) {
            release_all(views, got);
            return -1;
        }
    return 0;
}

static PyObject *
candidates(PyObject *module, PyObject *args)
{
    PyObject *objects[5], *joined;
    Index ix = {0};
    if (!PyArg_ParseTuple(args, "UOOOOOiiiddd:candidates", &joined, &objects[0], &objects[1], &objects[2],
                          &objects[3], &objects[4], &ix.k, &ix.max_bucket, &ix.min_shared,
                          &ix.overlap, &ix.bound, &ix.floor))
        return NULL;
    ix.kind = PyUnicode_KIND(joined);
    ix.data = PyUnicode_DATA(joined);
    ix.text_length = PyUnicode_GET_LENGTH(joined);
    if (ix.k < 0 || ix.k > 64)
        return PyErr_Format(PyExc_ValueError, "candidates: sketch size %d is not within 0 to 64", ix.k);
    static const char *names[5] = {"ranks", "at", "length", "start", "end"};
    Py_buffer views[5];
    if (get_columns(objects, views, 5, names, 4) < 0)
        return NULL;
    int got = 5;
    PyObject *out = NULL;
    int64_t *hits = NULL;
    size_t hits_capacity = 0;
    ix.ranks = views[0].buf;
    ix.rank_count = views[0].len / 4;
    ix.at = views[1].buf;
    ix.length = views[2].buf;
    ix.start = views[3].buf;
    ix.end = views[4].buf;
    ix.unit_count = views[1].len / 8;
    for (int c = 2; c < 5; c++)
        if (views[c].len / 8 != ix.unit_count) {
            PyErr_SetString(PyExc_ValueError, "candidates: the unit columns differ in length");
            goto done;
        }
    for (Py_ssize_t p = 0; p < ix.rank_count; p++)
        if (ix.ranks[p] > ix.top)
            ix.top = ix.ranks[p];
    ix.postings = PyMem_Calloc((size_t)ix.top + 1, sizeof(Posting));
    ix.common = PyMem_Calloc((size_t)ix.top + 1, 1);
    ix.sizes = PyMem_Calloc(ix.unit_count ? (size_t)ix.unit_count : 1, sizeof(int));
    if (ix.floor > 0) {
        ix.count = PyMem_Calloc((size_t)ix.top + 1, sizeof(uint32_t));
        ix.used = PyMem_Calloc((size_t)ix.top + 1, sizeof(uint32_t));
    }
    if (!ix.postings || !ix.common || !ix.sizes || (ix.floor > 0 && (!ix.count || !ix.used))) {
        PyErr_NoMemory();
        goto done;
    }
    if (!(out = PyList_New(0)))
        goto done;
    for (Py_ssize_t i = 0; i < ix.unit_count; i++)
        if (index_unit(&ix, i, &hits, &hits_capacity, out) < 0) {
            if (!PyErr_Occurred())
                PyErr_NoMemory();
            Py_CLEAR(out);
            break;
        }

done:
    if (ix.postings)
        for (uint32_t r = 0; r <= ix.top; r++)
            PyMem_Free(ix.postings[r].units);
    PyMem_Free(ix.postings);
    PyMem_Free(ix.common);
    PyMem_Free(ix.sizes);
    PyMem_Free(ix.count);
    PyMem_Free(ix.used);
    char_counts_free(&ix.chars);
    PyMem_Free(hits);
    while (got-- > 0)
        PyBuffer_Release(&views[got]);
    return out;
}

/* ---------------------------------------------------------------- units: sentences and clauses */

/* Where each block's folded text lies, and the whitespace taken out of it (duplicates/levels.py's Folded). */
typedef struct {
    int kind;
    const void *data;               /* the document's text */
    Py_ssize_t length;
    int joined_kind;
    const void *joined;             /* the blocks folded and joined */
    Py_ssize_t joined_length;
    const int64_t *block_start, *base, *hole_from, *hole_start, *hole_end, *hole_before;
    Py_ssize_t blocks;
} Layout;

static inline int
is_lead(Py_UCS4 c)                  /* what a key may start with and folding strips: duplicates/units.py's LEAD */
{
    return Py_UNICODE_ISSPACE(c) || c == 0x3000 || c == '#' || c == '>' || c == '*' || c == '_' || c == '-';
}

static inline int
is_edge_lead(Py_UCS4 c)             /* units.LEAD_CHARS */
{
    return c == '#' || c == '>' || c == '*' || c == '_' || c == '-';
}

static inline int
is_edge_trail(Py_UCS4 c)            /* units.TRAIL_CHARS: 。！？；!?;，,、：: */
{
    switch (c) {
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case '!': case '?': case ';':
    case 0xFF0C: case ',': case 0x3001: case 0xFF1A: case ':':
        return 1;
    }
    return 0;
}

static inline int
is_sentence_end(Py_UCS4 c)          /* text.SENTENCE_END: 。！？；!?; */
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' || c == ';';
}

static inline int
is_closer(Py_UCS4 c)                /* what text._SENTENCE keeps after the end: ”’」』）) */
{
    return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == ')';
}

static inline int
is_clause_mark(Py_UCS4 c)           /* units.CLAUSE_MARKS: ，,；;：:。！？!?\n */
{
    switch (c) {
    case 0xFF0C: case ',': case 0xFF1B: case ';': case 0xFF1A: case ':':
    case 0x3002: case 0xFF01: case 0xFF1F: case '!': case '?': case '\n':
        return 1;
    }
    return 0;
}

/* _Folded.offset: the folded offset, inside block b, of original offset pos. */
static int64_t
folded_offset(const Layout *l, Py_ssize_t b, int64_t pos)
{
    int64_t rel = pos - l->block_start[b];
    int64_t lo = l->hole_from[b], hi = l->hole_from[b + 1];
    if (lo == hi)
        return rel;
    int64_t first = lo;
    while (lo < hi) {               /* bisect_left over the block's hole starts */
        int64_t mid = lo + (hi - lo) / 2;
        if (l->hole_start[mid] < rel)
            lo = mid + 1;
        else
            hi = mid;
    }
    int64_t i = lo - 1;
    if (i < first)
        return rel;
    int64_t upto = rel < l->hole_end[i] ? rel : l->hole_end[i];
    return rel - l->hole_before[i] - (upto - l->hole_start[i]);
}

/* _Folded.place: (length, offset) in the joined text of the key text[key_from:end] of block b. */
static void
place(const Layout *l, Py_ssize_t b, int64_t key_from, int64_t end, int64_t *length, int64_t *at)
{
    int64_t from, stop;
    if (l->hole_from[b] == l->hole_from[b + 1]) {
        from = key_from - l->block_start[b];
        stop = end - l->block_start[b];
    } else {
        from = folded_offset(l, b, key_from);
        stop = folded_offset(l, b, end);
    }
    int64_t base = l->base[b], n = l->joined_length;
    int64_t lo = clamp_index(base + from, n), hi = clamp_index(base + stop, n);
    if (hi < lo)
        hi = lo;
    int64_t lead = lo;
    while (lead < hi && is_edge_lead(PyUnicode_READ(l->joined_kind, l->joined, lead)))
        lead++;
    int64_t trail = hi;
    while (trail > lead && is_edge_trail(PyUnicode_READ(l->joined_kind, l->joined, trail - 1)))
        trail--;
    *length = trail - lead;
    *at = base + from + (lead - lo);
}

typedef struct {                    /* units as five int64 columns: start, end, length, group, at */
    int64_t *column[5];
    size_t size, capacity;
} Rows;

static int
rows_add(Rows *r, int64_t start, int64_t end, int64_t length, int64_t group, int64_t at)
{
    if (r->size == r->capacity) {
        size_t capacity = r->capacity ? 2 * r->capacity : 256;
        for (int c = 0; c < 5; c++) {
            int64_t *more = PyMem_Realloc(r->column[c], capacity * sizeof(int64_t));
            if (!more)
                return -1;
            r->column[c] = more;
        }
        r->capacity = capacity;
    }
    int64_t row[5] = {start, end, length, group, at};
    for (int c = 0; c < 5; c++)
        r->column[c][r->size] = row[c];
    r->size++;
    return 0;
}

static void
rows_free(Rows *r)
{
    for (int c = 0; c < 5; c++)
        PyMem_Free(r->column[c]);
}

/* The five columns as a tuple of bytes (machine int64s; units.Units reads them as arrays). */
static PyObject *
rows_to_bytes(Rows *r)
{
    PyObject *out = PyTuple_New(5);
    for (int c = 0; out && c < 5; c++) {
        PyObject *column = PyBytes_FromStringAndSize((const char *)r->column[c], (Py_ssize_t)(r->size * sizeof(int64_t)));
        PyMem_Free(r->column[c]);
        r->column[c] = NULL;
        if (!column)
            Py_CLEAR(out);
        else
            PyTuple_SET_ITEM(out, c, column);
    }
    rows_free(r);
    return out;
}

/* The columns of `layout` (a tuple of six int64 arrays) and both texts; 0, or -1 with an error. */
static int
get_layout(PyObject *text, PyObject *joined, PyObject *columns, Layout *l, Py_buffer *views)
{
    static const char *names[6] = {"block_start", "base", "hole_from", "hole_start", "hole_end", "hole_before"};
    if (!PyTuple_Check(columns) || PyTuple_GET_SIZE(columns) != 6) {
        PyErr_SetString(PyExc_TypeError, "the layout must be a tuple of six arrays");
        return -1;
    }
    int got = 0;
    for (; got < 6; got++)
        if (get_column(PyTuple_GET_ITEM(columns, got), &views[got], 8, names[got]) < 0)
            goto failed;
    l->kind = PyUnicode_KIND(text);
    l->data = PyUnicode_DATA(text);
    l->length = PyUnicode_GET_LENGTH(text);
    l->joined_kind = PyUnicode_KIND(joined);
    l->joined = PyUnicode_DATA(joined);
    l->joined_length = PyUnicode_GET_LENGTH(joined);
    l->block_start = views[0].buf;
    l->base = views[1].buf;
    l->hole_from = views[2].buf;
    l->hole_start = views[3].buf;
    l->hole_end = views[4].buf;
    l->hole_before = views[5].buf;
    l->blocks = views[0].len / 8;
    if (views[1].len / 8 != l->blocks || views[2].len / 8 != l->blocks + 1
            || views[3].len != views[4].len || views[3].len != views[5].len) {
        PyErr_SetString(PyExc_ValueError, "the layout's arrays differ in length");
        goto failed;
    }
    int64_t holes = views[3].len / 8;
    for (Py_ssize_t b = 0; b <= l->blocks; b++)
        if (l->hole_from[b] < 0 || l->hole_from[b] > holes || (b && l->hole_from[b] < l->hole_from[b - 1])) {
            PyErr_SetString(PyExc_ValueError, "the layout's hole indexes are out of order");
            goto failed;
        }
    return 0;

failed:
    while (got-- > 0)
        PyBuffer_Release(&views[got]);
    return -1;
}

static PyObject *
column_bytes(const int64_t *values, size_t count)
{
    return PyBytes_FromStringAndSize((const char *)values, (Py_ssize_t)(count * sizeof(int64_t)));
}

/* twins.fold: every block with its whitespace taken out, joined by "\n"; each block's base
 * in the joined text; its whitespace runs (holes) relative to its start, with the whitespace
 * removed before each. Two passes: the first sizes the joined text and finds its widest character,
 * so that it is written once, in place, in the form Python keeps it. */
static PyObject *
fold(PyObject *module, PyObject *args)
{
    PyObject *text, *objects[2];
    if (!PyArg_ParseTuple(args, "UOO:fold", &text, &objects[0], &objects[1]))
        return NULL;
    Py_buffer views[2];
    if (get_column(objects[0], &views[0], 8, "block_start") < 0)
        return NULL;
    if (get_column(objects[1], &views[1], 8, "block_end") < 0) {
        release_all(views, 1);
        return NULL;
    }
    const int64_t *block_start = views[0].buf, *block_end = views[1].buf;
    Py_ssize_t blocks = views[0].len / 8;
    if (views[1].len / 8 != blocks) {
        release_all(views, 2);
        return PyErr_Format(PyExc_ValueError, "fold: block starts and ends differ in length");
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int64_t length = PyUnicode_GET_LENGTH(text), kept = blocks ? blocks - 1 : 0, runs = 0;
    Py_UCS4 widest = blocks > 1 ? '\n' : 0;
    for (Py_ssize_t b = 0; b < blocks; b++) {
        int64_t to = clamp_index(block_end[b], length);
        int in_run = 0;
        for (int64_t p = clamp_index(block_start[b], length); p < to; p++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, p);
            int space = Py_UNICODE_ISSPACE(c);
            runs += space && !in_run;
            in_run = space;
            if (!space) {
                kept++;
                if (c > widest)
                    widest = c;
            }
        }
    }
    PyObject *joined = PyUnicode_New(kept, widest), *out = NULL;
    int64_t *columns[5] = {NULL};       /* base, hole_from, hole_start, hole_end, hole_before */
    size_t sizes[5] = {(size_t)blocks, (size_t)blocks + 1, (size_t)runs, (size_t)runs, (size_t)runs};
    for (int c = 0; c < 5; c++)
        columns[c] = PyMem_Malloc((sizes[c] ? sizes[c] : 1) * sizeof(int64_t));
    if (!joined || !columns[0] || !columns[1] || !columns[2] || !columns[3] || !columns[4]) {
        if (joined)
            PyErr_NoMemory();
        goto done;
    }
    int joined_kind = PyUnicode_KIND(joined);
    void *joined_data = PyUnicode_DATA(joined);
    int64_t *base = columns[0], *hole_from = columns[1], *hole_start = columns[2], *hole_end = columns[3],
            *hole_before = columns[4];
    int64_t at = 0, hole = 0;
    hole_from[0] = 0;
    for (Py_ssize_t b = 0; b < blocks; b++) {
        if (b)
            PyUnicode_WRITE(joined_kind, joined_data, at++, '\n');
        base[b] = at;
        int64_t from = clamp_index(block_start[b], length), to = clamp_index(block_end[b], length);
        int64_t removed = 0;
        for (int64_t p = from; p < to; p++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, p);
            if (!Py_UNICODE_ISSPACE(c)) {
                PyUnicode_WRITE(joined_kind, joined_data, at++, c);
                continue;
            }
            int64_t run = p;
            while (p + 1 < to && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, p + 1)))
                p++;
            hole_start[hole] = run - from;
            hole_end[hole] = p + 1 - from;
            hole_before[hole] = removed;
            removed += p + 1 - run;
            hole++;
        }
        hole_from[b + 1] = hole;
    }
    out = PyTuple_New(6);
    if (!out)
        goto done;
    PyTuple_SET_ITEM(out, 0, joined);
    joined = NULL;
    for (int c = 0; c < 5; c++) {
        PyObject *column = column_bytes(columns[c], sizes[c]);
        if (!column) {
            Py_CLEAR(out);
            break;
        }
        PyTuple_SET_ITEM(out, c + 1, column);
    }

done:
    Py_XDECREF(joined);
    for (int c = 0; c < 5; c++)
        PyMem_Free(columns[c]);
    release_all(views, 2);
    return out;
}

/* twins.key_start, from key_from (past the lead): past the heading markers starting there. */
static int64_t
past_markers(const int64_t *starts, const int64_t *ends, Py_ssize_t markers, int64_t key_from)
{
    Py_ssize_t lo = 0, hi = markers;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (starts[mid] < key_from)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo < markers && starts[lo] == key_from)
        key_from = ends[lo++];
    return key_from;
}

static PyObject *
sentence_units(PyObject *module, PyObject *args)
{
    PyObject *text, *joined, *columns, *objects[3];
    Py_ssize_t min_chars;
    if (!PyArg_ParseTuple(args, "UUOOOOn:sentence_units", &text, &joined, &columns, &objects[0],
                          &objects[1], &objects[2], &min_chars))
        return NULL;
    Layout l;
    Py_buffer views[9];
    if (get_layout(text, joined, columns, &l, views) < 0)
        return NULL;
    static const char *names[3] = {"regions", "marker_start", "marker_end"};
    if (get_columns(objects, views + 6, 3, names, 8) < 0) {
        release_all(views, 6);
        return NULL;
    }
    const int64_t *regions = views[6].buf, *marker_start = views[7].buf, *marker_end = views[8].buf;
    Py_ssize_t region_count = views[6].len / 16, markers = views[7].len / 8;
    if (views[8].len / 8 != markers || views[6].len % 16) {
        release_all(views, 9);
        return PyErr_Format(PyExc_ValueError, "sentence_units: regions are pairs, and markers start and end");
    }
    Rows rows = {0};
    Py_ssize_t b = 0, last = l.blocks - 1;
    for (Py_ssize_t r = 0; r < region_count; r++) {
        int64_t p = clamp_index(regions[2 * r], l.length), stop = clamp_index(regions[2 * r + 1], l.length);
        while (p < stop) {          /* text._SENTENCE: [^E\r\n]+ [E]* closer? */
            Py_UCS4 c = PyUnicode_READ(l.kind, l.data, p);
            if (is_sentence_end(c) || c == '\r' || c == '\n') {
                p++;
                continue;
            }
            int64_t start = p;
            while (p < stop && !is_sentence_end(c = PyUnicode_READ(l.kind, l.data, p)) && c != '\r' && c != '\n')
                p++;
            while (p < stop && is_sentence_end(PyUnicode_READ(l.kind, l.data, p)))
                p++;
            if (p < stop && is_closer(PyUnicode_READ(l.kind, l.data, p)))
                p++;
            int64_t end = p;
            while (start < end && ((c = PyUnicode_READ(l.kind, l.data, start)) == ' ' || c == '\t' || c == 0x3000))
                start++;
            if (start == end || end - start < min_chars)
                continue;
            int64_t key_from = start;
            while (key_from < end && is_lead(PyUnicode_READ(l.kind, l.data, key_from)))
                key_from++;
            key_from = past_markers(marker_start, marker_end, markers, key_from);
            if (end - key_from < min_chars)
                continue;
            while (b < last && l.block_start[b + 1] <= start)
                b++;
            if (l.blocks == 0)
                break;
            int64_t length, at;
            place(&l, b, key_from, end, &length, &at);
            if (length >= min_chars && rows_add(&rows, start, end, length, 0, at) < 0) {
                rows_free(&rows);
                release_all(views, 9);
                return PyErr_NoMemory();
            }
        }
    }
    release_all(views, 9);
    return rows_to_bytes(&rows);
}

/* twins.key_start: past the lead (Markdown prefixes, spaces) and the markers starting there. */
static int64_t
key_start(const Layout *l, const int64_t *marker_start, const int64_t *marker_end, Py_ssize_t markers,
          int64_t start, int64_t end)
{
    int64_t key_from = start;
    while (key_from < end && is_lead(PyUnicode_READ(l->kind, l->data, key_from)))
        key_from++;
    return past_markers(marker_start, marker_end, markers, key_from);
}

/* twins.block_units: each block, and each run-in section (a heading's part of a block when it
 * is not the whole block), its key past the markers. Headings come sorted by start. */
static PyObject *
block_units(PyObject *module, PyObject *args)
{
    PyObject *text, *joined, *columns, *objects[6];
    if (!PyArg_ParseTuple(args, "UUOOOOOOO:block_units", &text, &joined, &columns, &objects[0], &objects[1],
                          &objects[2], &objects[3], &objects[4], &objects[5]))
        return NULL;
    Layout l;
    Py_buffer views[12];
    if (get_layout(text, joined, columns, &l, views) < 0)
        return NULL;
    static const char *names[6] = {"block_end", "marker_start", "marker_end", "head_start",
                                   "head_title_start", "head_body_end"};
    if (get_columns(objects, views + 6, 6, names, 8) < 0) {
        release_all(views, 6);
        return NULL;
    }
    const int64_t *block_end = views[6].buf, *marker_start = views[7].buf, *marker_end = views[8].buf,
                  *head_start = views[9].buf, *title_start = views[10].buf, *body_end = views[11].buf;
    Py_ssize_t markers = views[7].len / 8, heads = views[9].len / 8;
    if (views[6].len / 8 != l.blocks || views[8].len / 8 != markers || views[10].len / 8 != heads
            || views[11].len / 8 != heads) {
        release_all(views, 12);
        return PyErr_Format(PyExc_ValueError, "block_units: columns that go together differ in length");
    }
    Rows rows = {0};
    Py_ssize_t h = 0;
    for (Py_ssize_t b = 0; b < l.blocks; b++) {
        int64_t start = l.block_start[b], end = block_end[b], length, at;
        place(&l, b, key_start(&l, marker_start, marker_end, markers, start, end), end, &length, &at);
        if (rows_add(&rows, start, end, length, 0, at) < 0)
            goto no_memory;
        while (h < heads && head_start[h] < start)
            h++;
        for (; h < heads && head_start[h] < end; h++) {
            int64_t section_end = body_end[h] < end ? body_end[h] : end;
            if (head_start[h] > start || section_end < end) {
                place(&l, b, title_start[h], section_end, &length, &at);
                if (rows_add(&rows, head_start[h], section_end, length, 0, at) < 0)
                    goto no_memory;
            }
        }
    }
    release_all(views, 12);
    return rows_to_bytes(&rows);

no_memory:
    rows_free(&rows);
    release_all(views, 12);
    return PyErr_NoMemory();
}

/* twins.verbatim_copies: (i, first) for each unit whose key (at least min_chars long) was
 * seen before at unit `first`, ending before it starts, and not inside the copy reported last. Keys
 * are told apart by their characters, hashed here, compared when the hashes agree. */
static PyObject *
verbatim_copies(PyObject *module, PyObject *args)
{
    PyObject *joined, *objects[4];
    Py_ssize_t min_chars;
    if (!PyArg_ParseTuple(args, "UOOOOn:verbatim_copies", &joined, &objects[0], &objects[1], &objects[2],
                          &objects[3], &min_chars))
        return NULL;
    static const char *names[4] = {"start", "end", "length", "at"};
    Py_buffer views[4];
    if (get_columns(objects, views, 4, names, 8) < 0)
        return NULL;
    const int64_t *start = views[0].buf, *end = views[1].buf, *length = views[2].buf, *at = views[3].buf;
    Py_ssize_t units = views[0].len / 8;
    for (int c = 1; c < 4; c++)
        if (views[c].len / 8 != units) {
            release_all(views, 4);
            return PyErr_Format(PyExc_ValueError, "verbatim_copies: the unit columns differ in length");
        }
    int kind = PyUnicode_KIND(joined);
    const char *data = PyUnicode_DATA(joined);
    int64_t text_length = PyUnicode_GET_LENGTH(joined);
    size_t capacity = 64;
    while (capacity < 2 * (size_t)units)
        capacity <<= 1;
    int64_t *first = PyMem_Malloc(capacity * sizeof(int64_t));     /* -1: empty; else a unit */
    uint64_t *hashes = PyMem_Malloc(capacity * sizeof(uint64_t));
    PyObject *out = first && hashes ? PyList_New(0) : PyErr_NoMemory();
    if (out)
        memset(first, 0xff, capacity * sizeof(int64_t));
    int64_t covered_end = -1;
    for (Py_ssize_t i = 0; out && i < units; i++) {
        if (length[i] < min_chars)
            continue;
        int64_t from = clamp_index(at[i], text_length), to = clamp_index(at[i] + length[i], text_length);
        if (to < from)
            to = from;
        const char *key = data + from * kind;
        size_t size = (size_t)(to - from) * kind;
        uint64_t hash = UINT64_C(1469598103934665603);      /* FNV-1a over the key's bytes */
        for (size_t c = 0; c < size; c++)
            hash = (hash ^ (unsigned char)key[c]) * UINT64_C(1099511628211);
        size_t slot = (size_t)(hash ^ hash >> 32) & (capacity - 1);
        int64_t seen = i;
        for (;; slot = (slot + 1) & (capacity - 1)) {
            int64_t other = first[slot];
            if (other < 0) {
                first[slot] = i;
                hashes[slot] = hash;
                break;
            }
            if (hashes[slot] != hash)
                continue;
            int64_t other_from = clamp_index(at[other], text_length);
            int64_t other_to = clamp_index(at[other] + length[other], text_length);
            if (other_to < other_from)
                other_to = other_from;
            if ((size_t)(other_to - other_from) * kind == size && !memcmp(data + other_from * kind, key, size)) {
                seen = other;
                break;
            }
        }
        if (seen != i && end[i] > covered_end && end[seen] <= start[i]) {
            PyObject *pair = Py_BuildValue("(nn)", i, (Py_ssize_t)seen);
            if (!pair || PyList_Append(out, pair) < 0)
                Py_CLEAR(out);
            Py_XDECREF(pair);
            covered_end = end[i];
        }
    }
    PyMem_Free(first);
    PyMem_Free(hashes);
    release_all(views, 4);
    return out;
}

static PyObject *
clause_units(PyObject *module, PyObject *args)
{
    PyObject *text, *joined, *columns, *block_object;
    Py_ssize_t min_chars;
    if (!PyArg_ParseTuple(args, "UUOOn:clause_units", &text, &joined, &columns, &block_object, &min_chars))
        return NULL;
    Layout l;
    Py_buffer views[7];
    if (get_layout(text, joined, columns, &l, views) < 0)
        return NULL;
    if (get_column(block_object, &views[6], 8, "block_end") < 0) {
        release_all(views, 6);
        return NULL;
    }
    const int64_t *block_end = views[6].buf;
    if (views[6].len / 8 != l.blocks) {
        release_all(views, 7);
        return PyErr_Format(PyExc_ValueError, "clause_units: block starts and ends differ in length");
    }
    int64_t shortest_run = min_chars > 1 ? min_chars : 1, shortest_block = 2 * shortest_run + 1;
    Rows rows = {0};
    int64_t *group = NULL;
    size_t group_capacity = 0;
    for (Py_ssize_t b = 0; b < l.blocks; b++) {
        int64_t from = clamp_index(l.block_start[b], l.length), to = clamp_index(block_end[b], l.length);
        if (block_end[b] - l.block_start[b] < shortest_block)
            continue;
        /* Maximal runs between marks, at least shortest_run long: what _long_clause finds. Each
         * is kept as four int64: start, end, then its key's length and offset. */
        size_t found = 0;
        for (int64_t p = from; p < to;) {
            if (is_clause_mark(PyUnicode_READ(l.kind, l.data, p))) {
                p++;
                continue;
            }
            int64_t start = p;
            while (p < to && !is_clause_mark(PyUnicode_READ(l.kind, l.data, p)))
                p++;
            if (p - start < shortest_run)
                continue;
            if (found + 4 > group_capacity) {
                size_t capacity = group_capacity ? 2 * group_capacity : 128;
                int64_t *more = PyMem_Realloc(group, capacity * sizeof(int64_t));
                if (!more)
                    goto no_memory;
                group = more;
                group_capacity = capacity;
            }
            group[found] = start;
            group[found + 1] = p;
            found += 4;
        }
        if (found < 8)              /* one long clause: nothing to compare it with */
            continue;
        size_t kept = 0;
        for (size_t c = 0; c < found; c += 4) {
            place(&l, b, group[c], group[c + 1], &group[c + 2], &group[c + 3]);
            kept += group[c + 2] >= min_chars;
        }
        if (kept < 2)
            continue;
        for (size_t c = 0; c < found; c += 4)
            if (group[c + 2] >= min_chars && rows_add(&rows, group[c], group[c + 1], group[c + 2], b, group[c + 3]) < 0)
                goto no_memory;
    }
    PyMem_Free(group);
    release_all(views, 7);
    return rows_to_bytes(&rows);

no_memory:
    PyMem_Free(group);
    rows_free(&rows);
    release_all(views, 7);
    return PyErr_NoMemory();
}

/* Each unit's earlier units within `window` in its group that may reach similarity `floor`. */
static PyObject *
clause_candidates(PyObject *module, PyObject *args)
{
    PyObject *objects[4], *joined;
    Py_ssize_t window;
    double floor;
    if (!PyArg_ParseTuple(args, "UOOOOnd:clause_candidates", &joined, &objects[0], &objects[1], &objects[2],
                          &objects[3], &window, &floor))
        return NULL;
    int kind = PyUnicode_KIND(joined);
    const void *data = PyUnicode_DATA(joined);
    int64_t text_length = PyUnicode_GET_LENGTH(joined);
    CharCounts chars = {0};
    static const char *names[4] = {"ranks", "at", "length", "group"};
    Py_buffer views[4];
    if (get_columns(objects, views, 4, names, 4) < 0)
        return NULL;
    const uint32_t *ranks = views[0].buf;
    const int64_t *at = views[1].buf, *length = views[2].buf, *group = views[3].buf;
    Py_ssize_t rank_count = views[0].len / 4, units = views[1].len / 8;
    if (views[2].len / 8 != units || views[3].len / 8 != units) {
        release_all(views, 4);
        return PyErr_Format(PyExc_ValueError, "clause_candidates: the unit columns differ in length");
    }
    uint32_t top = 0;
    for (Py_ssize_t p = 0; p < rank_count; p++)
        if (ranks[p] > top)
            top = ranks[p];
    uint32_t *count = PyMem_Calloc((size_t)top + 1, sizeof(uint32_t));
    uint32_t *used = PyMem_Calloc((size_t)top + 1, sizeof(uint32_t));
    PyObject *out = count && used ? PyList_New(0) : PyErr_NoMemory();
    Py_ssize_t first = 0;
    for (Py_ssize_t i = 0; out && i < units; i++) {
        if (group[i] != group[first])
            first = i;
        int64_t mine_from, mine_to;
        key_grams(at[i], length[i], rank_count, &mine_from, &mine_to);
        if (floor > 0)
            count_grams(count, ranks, mine_from, mine_to, 1);
        PyObject *found = NULL;
        int counted_chars = 0;
        for (Py_ssize_t j = i - window > first ? i - window : first; j < i; j++) {
            int64_t from, to;
            key_grams(at[j], length[j], rank_count, &from, &to);
            size_t shared = floor > 0 ? shared_grams(count, used, ranks, from, to) : 0;
            if (!may_reach(shared, length[i], length[j], floor))
                continue;
            int reach = floor <= 0 ? 1 : pair_may_reach(&chars, &counted_chars, kind, data, text_length,
                                                        at[i], length[i], at[j], length[j], j, floor);
            if (reach < 0) {
                PyErr_NoMemory();
                Py_CLEAR(found);
                Py_CLEAR(out);
                break;
            }
            if (!reach)
                continue;
            PyObject *unit = found || (found = PyList_New(0)) ? PyLong_FromSsize_t(j) : NULL;
            if (!unit || PyList_Append(found, unit) < 0) {
                Py_XDECREF(unit);
                Py_CLEAR(found);
                Py_CLEAR(out);
                break;
            }
            Py_DECREF(unit);
        }
        if (floor > 0)
            count_grams(count, ranks, mine_from, mine_to, -1);
        if (found) {
            PyObject *pair = Py_BuildValue("(nN)", i, found);
            if (!pair || PyList_Append(out, pair) < 0)
                Py_CLEAR(out);
            Py_XDECREF(pair);
        }
    }
    PyMem_Free(count);
    PyMem_Free(used);
    char_counts_free(&chars);
    release_all(views, 4);
    return out;
}

/* twins.outside: the units (five int64 columns) not inside a skipped span, a unit being
 * inside when the last span starting at or before it ends at or after it. Both come sorted by start. */
static PyObject *
outside(PyObject *module, PyObject *args)
{
    PyObject *objects[7];
    if (!PyArg_ParseTuple(args, "OOOOOOO:outside", &objects[0], &objects[1], &objects[2], &objects[3],
                          &objects[4], &objects[5], &objects[6]))
        return NULL;
    static const char *names[7] = {"skip_start", "skip_end", "start", "end", "length", "group", "at"};
    Py_buffer views[7];
    if (get_columns(objects, views, 7, names, 8) < 0)
        return NULL;
    const int64_t *skip_start = views[0].buf, *skip_end = views[1].buf;
    Py_ssize_t skips = views[0].len / 8, units = views[2].len / 8;
    int ok = views[1].len / 8 == skips;
    for (int c = 3; c < 7; c++)
        ok = ok && views[c].len / 8 == units;
    if (!ok) {
        release_all(views, 7);
        return PyErr_Format(PyExc_ValueError, "outside: columns that go together differ in length");
    }
    Rows rows = {0};
    Py_ssize_t s = -1;
    const int64_t *column[5] = {views[2].buf, views[3].buf, views[4].buf, views[5].buf, views[6].buf};
    for (Py_ssize_t u = 0; u < units; u++) {
        int64_t start = column[0][u], end = column[1][u];
        if (s >= 0 && skip_start[s] > start)      /* units out of order: look again from the first */
            s = -1;
        while (s + 1 < skips && skip_start[s + 1] <= start)
            s++;
        if (s >= 0 && end <= skip_end[s])
            continue;
        if (rows_add(&rows, start, end, column[2][u], column[3][u], column[4][u]) < 0) {
            rows_free(&rows);
            release_all(views, 7);
            return PyErr_NoMemory();
        }
    }
    release_all(views, 7);
    return rows_to_bytes(&rows);
}

/* ---------------------------------------------------------------- helpers of the loops below */

/* Append a new reference (NULL when making it failed) to the list out, which takes it over. */
static int
append_new(PyObject *out, PyObject *item)
{
    int failed = !item || PyList_Append(out, item) < 0;
    Py_XDECREF(item);
    return failed ? -1 : 0;
}

/* name_Py_UCS1, _Py_UCS2 or _Py_UCS4 (written once by a macro for each character width) called
 * for the width of text, with its characters and length first. */
#define BY_WIDTH(name, text, ...)                                                               \
    (PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND                                               \
         ? name##_Py_UCS1(PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), __VA_ARGS__)       \
     : PyUnicode_KIND(text) == PyUnicode_2BYTE_KIND                                             \
         ? name##_Py_UCS2(PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), __VA_ARGS__)       \
         : name##_Py_UCS4(PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), __VA_ARGS__))

/* ---------------------------------------------------------------- doubled words (WR403) */

/* (start, end) of every match of ([low-high]{shortest,longest})\1, as re.finditer finds them: at
 * each offset the longest run of the class first, shorter ones after, the next search after a match.
 * Written once per character width; most offsets fail on their first comparison. */
#define DOUBLED_WORDS(CHAR)                                                                     \
    static int doubled_words_##CHAR(const CHAR *t, Py_ssize_t n, Py_UCS4 low, Py_UCS4 high,    \
                                    Py_ssize_t shortest, Py_ssize_t longest, PyObject *out)    \
    {                                                                                           \
        Py_ssize_t run_end = 0;   /* where the run of the class holding p ends */               \
        for (Py_ssize_t p = 0; p < n;) {                                                        \
            if (run_end <= p) {                                                                 \
                run_end = p;                                                                    \
                while (run_end < n && t[run_end] >= low && t[run_end] <= high)                  \
                    run_end++;                                                                  \
                if (run_end - p < shortest) {                                                   \
                    p = run_end + 1;                                                            \
                    continue;                                                                   \
                }                                                                               \
            }                                                                                   \
            Py_ssize_t word = run_end - p < longest ? run_end - p : longest;                    \
            for (; word >= shortest; word--)                                                    \
                if (p + 2 * word <= n && t[p] == t[p + word]                                    \
                        && !memcmp(t + p, t + p + word, (size_t)word * sizeof(CHAR)))           \
                    break;                                                                      \
            if (word < shortest) {                                                              \
                p++;                                                                            \
                if (run_end - p < shortest)                                                     \
                    p = run_end + 1;                                                            \
                continue;                                                                       \
            }                                                                                   \
            if (append_new(out, Py_BuildValue("(nn)", p, p + 2 * word)) < 0)                    \
                return -1;                                                                      \
            p += 2 * word;                                                                      \
        }                                                                                       \
        return 0;                                                                               \
    }

DOUBLED_WORDS(Py_UCS1)
DOUBLED_WORDS(Py_UCS2)
DOUBLED_WORDS(Py_UCS4)

static PyObject *
doubled_words(PyObject *module, PyObject *args)
{
    PyObject *text;
    unsigned int low, high;
    Py_ssize_t shortest, longest;
    if (!PyArg_ParseTuple(args, "UIInn:doubled_words", &text, &low, &high, &shortest, &longest))
        return NULL;
    if (shortest < 1 || longest < shortest)
        return PyErr_Format(PyExc_ValueError, "doubled_words: need 1 <= shortest <= longest");
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    if (BY_WIDTH(doubled_words, text, low, high, shortest, longest, out))
        Py_CLEAR(out);
    return out;
}

/* ---------------------------------------------------------------- paired punctuation (WR502) */

static inline int
is_latin(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
is_digit(Py_UCS4 c)
{
    return c >= '0' && c <= '9';
}

/* pairs._apostrophe: a quote mark between Latin letters (don't) or before a year's two digits ('99). */
static int
is_apostrophe(int kind, const void *data, int64_t at, int64_t start, int64_t end)
{
    if (at + 1 >= end)
        return 0;
    Py_UCS4 after = PyUnicode_READ(kind, data, at + 1);
    if (is_digit(after))
        return at + 2 < end && is_digit(PyUnicode_READ(kind, data, at + 2))
               && (at + 3 >= end || !is_digit(PyUnicode_READ(kind, data, at + 3)));
    return at > start && is_latin(PyUnicode_READ(kind, data, at - 1)) && is_latin(after);
}

/* The blocks pairs.check_pairs must read: those where its loop would report something. Every
 * other block's brackets close in order (each closing one matches the innermost open one, none
 * left open), those in skipped spans and apostrophes (don't) aside, exactly as the loop skips
 * them: the loop would push and pop and find nothing there. */
static PyObject *
unbalanced_blocks(PyObject *module, PyObject *args)
{
    PyObject *text, *chars, *objects[4];
    Py_buffer roles;
    if (!PyArg_ParseTuple(args, "UUy*OOOO:unbalanced_blocks", &text, &chars, &roles, &objects[0],
                          &objects[1], &objects[2], &objects[3]))
        return NULL;
    static const char *names[4] = {"block_start", "block_end", "skip_start", "skip_end"};
    Py_buffer views[4];
    int got = get_columns(objects, views, 4, names, 8) < 0 ? 0 : 4;
    Py_ssize_t count = PyUnicode_GET_LENGTH(chars);
    const unsigned char *role = roles.buf;
    if (got == 4 && (roles.len != count || views[1].len != views[0].len || views[3].len != views[2].len))
        PyErr_SetString(PyExc_ValueError, "unbalanced_blocks: columns that go together differ in length");
    uint8_t *bmp = got == 4 && !PyErr_Occurred() ? PyMem_Calloc(0x10000 / 8, 1) : NULL;
    PyObject *out = bmp ? PyList_New(0) : NULL;
    int32_t *stack = NULL;
    size_t stack_capacity = 0;
    if (!out) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    int kind = PyUnicode_KIND(text), chars_kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(text), *chars_data = PyUnicode_DATA(chars);
    int astral = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_UCS4 c = PyUnicode_READ(chars_kind, chars_data, k);
        if (c > 0xFFFF)
            astral = 1;
        else
            bmp[c >> 3] |= (uint8_t)(1 << (c & 7));
    }
    const int64_t *start = views[0].buf, *end = views[1].buf, *skip_start = views[2].buf, *skip_end = views[3].buf;
    Py_ssize_t blocks = views[0].len / 8, skips = views[2].len / 8, length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t s = -1;      /* the last skipped span starting at or before the offset read */
    for (Py_ssize_t b = 0; b < blocks; b++) {
        int64_t from = clamp_index(start[b], length), to = clamp_index(end[b], length);
        size_t depth = 0;
        int clean = 1;
        for (int64_t at = from; clean && at < to; at++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, at);
            if (c <= 0xFFFF ? !(bmp[c >> 3] >> (c & 7) & 1) : !astral)
                continue;
            Py_ssize_t k = 0;
            while (k < count && PyUnicode_READ(chars_kind, chars_data, k) != c)
                k++;
            if (k == count)
                continue;
            while (s + 1 < skips && skip_start[s + 1] <= at)    /* SpanSet.__contains__, moving forward */
                s++;
            if (s >= 0 && at < skip_end[s])
                continue;
            if ((c == 0x2019 || c == 0x2018) && is_apostrophe(kind, data, at, start[b], end[b]))
                continue;           /* an apostrophe: don't, '99 */
            int family = role[k] >> 1;
            if (role[k] & 1) {
                if (depth == stack_capacity) {
                    size_t capacity = stack_capacity ? 2 * stack_capacity : 64;
                    int32_t *more = PyMem_Realloc(stack, capacity * sizeof(int32_t));
                    if (!more) {
                        PyErr_NoMemory();
                        Py_CLEAR(out);
                        goto done;
                    }
                    stack = more;
                    stack_capacity = capacity;
                }
                stack[depth++] = family;
            } else if (depth && stack[depth - 1] == family) {
                depth--;
            } else {
                clean = 0;
            }
        }
        if (!clean || depth) {
            PyObject *index = PyLong_FromSsize_t(b);
            if (!index || PyList_Append(out, index) < 0) {
                Py_XDECREF(index);
                Py_CLEAR(out);
                goto done;
            }
            Py_DECREF(index);
        }
    }

done:
    PyMem_Free(stack);
    PyMem_Free(bmp);
    PyBuffer_Release(&roles);
    release_all(views, got);
    return out;
}

/* ---------------------------------------------------------------- where strings occur (pattern kinds) */

/* One of the strings searched for, read through the Unicode API, and the set it belongs to. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length;
    Py_UCS4 first;
    Py_ssize_t set;
} Needle;

/* Does needle occur at offset at of t (length n)? Its first character is known to match. */
#define NEEDLE_AT(CHAR)                                                                         \
    static inline int needle_at_##CHAR(const CHAR *t, Py_ssize_t n, Py_ssize_t at, const Needle *s) \
    {                                                                                           \
        if (at + s->length > n)                                                                 \
            return 0;                                                                           \
        for (Py_ssize_t k = 1; k < s->length; k++)                                              \
            if (t[at + k] != PyUnicode_READ(s->kind, s->data, k))                               \
                return 0;                                                                       \
        return 1;                                                                               \
    }

/* Every offset of t where a needle occurs, appended to its set's list (once per set), in one
 * pass: a character outside the bitmap of first characters (and not astral, when one is) is
 * passed over at the cost of a load. last[set] is the offset last appended to a set. */
#define OFFSETS(CHAR)                                                                           \
    NEEDLE_AT(CHAR)                                                                             \
    static int offsets_##CHAR(const CHAR *t, Py_ssize_t n, const uint8_t *bmp, int astral,     \
                              const Needle *needles, Py_ssize_t count, Py_ssize_t *last,       \
                              PyObject *out)                                                    \
    {                                                                                           \
        for (Py_ssize_t at = 0; at < n; at++) {                                                 \
            Py_UCS4 c = t[at];                                                                  \
            if (c <= 0xFFFF ? !(bmp[c >> 3] >> (c & 7) & 1) : !astral)                          \
                continue;                                                                       \
            for (Py_ssize_t k = 0; k < count; k++) {                                            \
                const Needle *needle = &needles[k];                                             \
                if (needle->first != c || last[needle->set] == at                               \
                        || !needle_at_##CHAR(t, n, at, needle))                                 \
                    continue;                                                                   \
                if (append_new(PyList_GET_ITEM(out, needle->set), PyLong_FromSsize_t(at)) < 0)  \
                    return -1;                                                                  \
                last[needle->set] = at;                                                         \
            }                                                                                   \
        }                                                                                       \
        return 0;                                                                               \
    }

OFFSETS(Py_UCS1)
OFFSETS(Py_UCS2)
OFFSETS(Py_UCS4)

/* The needles of every set (empty strings left out), their first characters marked in bmp. */
static Needle *
read_needles(PyObject *sets, uint8_t *bmp, int *astral, Py_ssize_t *count)
{
    Py_ssize_t total = 0, n_sets = PyTuple_GET_SIZE(sets);
    for (Py_ssize_t i = 0; i < n_sets; i++) {
        PyObject *strings = PyTuple_GET_ITEM(sets, i);
        if (!PyTuple_Check(strings)) {
            PyErr_SetString(PyExc_TypeError, "offsets_many: each set must be a tuple of str");
            return NULL;
        }
        total += PyTuple_GET_SIZE(strings);
    }
    Needle *needles = PyMem_Calloc(total ? total : 1, sizeof(Needle));
    if (!needles)
        return (Needle *)PyErr_NoMemory();
    *count = 0;
    for (Py_ssize_t i = 0; i < n_sets; i++) {
        PyObject *strings = PyTuple_GET_ITEM(sets, i);
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(strings); k++) {
            PyObject *s = PyTuple_GET_ITEM(strings, k);
            if (!PyUnicode_Check(s)) {
                PyMem_Free(needles);
                PyErr_SetString(PyExc_TypeError, "offsets_many: each set must be a tuple of str");
                return NULL;
            }
            if (PyUnicode_GET_LENGTH(s) == 0)
                continue;       /* the empty string: nowhere (as the twin) */
            Needle *needle = &needles[(*count)++];
            needle->kind = PyUnicode_KIND(s);
            needle->data = PyUnicode_DATA(s);
            needle->length = PyUnicode_GET_LENGTH(s);
            needle->first = PyUnicode_READ(needle->kind, needle->data, 0);
            needle->set = i;
            if (needle->first > 0xFFFF)
                *astral = 1;
            else
                bmp[needle->first >> 3] |= (uint8_t)(1 << (needle->first & 7));
        }
    }
    return needles;
}

static PyObject *
offsets_many(PyObject *module, PyObject *args)
{
    PyObject *text, *sets;
    if (!PyArg_ParseTuple(args, "UO!:offsets_many", &text, &PyTuple_Type, &sets))
        return NULL;
    Py_ssize_t n_sets = PyTuple_GET_SIZE(sets), count = 0;
    int astral = 0;
    uint8_t *bmp = PyMem_Calloc(0x10000 / 8, 1);
    Py_ssize_t *last = bmp ? PyMem_Malloc((n_sets ? n_sets : 1) * sizeof(Py_ssize_t)) : NULL;
    Needle *needles = last ? read_needles(sets, bmp, &astral, &count) : NULL;
    PyObject *out = needles ? PyList_New(n_sets) : NULL;
    for (Py_ssize_t i = 0; out && i < n_sets; i++) {
        PyObject *list = PyList_New(0);
        if (!list)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, i, list);
        last[i] = -1;
    }
    if (!out) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
    } else if (BY_WIDTH(offsets, text, bmp, astral, needles, count, last, out)) {
        Py_CLEAR(out);
    }
    PyMem_Free(needles);
    PyMem_Free(last);
    PyMem_Free(bmp);
    return out;
}

static PyMethodDef methods[] = {
    {"ranks", ranks, METH_VARARGS,
     "ranks(text): the rank of the 3-gram at every offset of text, as a new array('I')."},
    {"candidates", candidates, METH_VARARGS,
     "candidates(joined, ranks, at, length, start, end, k, max_bucket, min_shared, overlap, bound, floor):"
     " [(i, [j, ...])] for the units that may nearly repeat earlier ones."},
    {"clause_candidates", clause_candidates, METH_VARARGS,
     "clause_candidates(joined, ranks, at, length, group, window, floor): [(i, [j, ...])], j in i's"
     " window and group, sharing enough 3-grams and characters to reach floor."},
    {"fold", fold, METH_VARARGS,
     "fold(text, block_start, block_end): (joined, base, hole_from, hole_start, hole_end, hole_before),"
     " the columns as int64 bytes."},
    {"sentence_units", sentence_units, METH_VARARGS,
     "sentence_units(text, joined, layout, regions, marker_start, marker_end, min_chars):"
     " the sentence units' rows (start, end, length, group, at) as int64 bytes."},
    {"block_units", block_units, METH_VARARGS,
     "block_units(text, joined, layout, block_end, marker_start, marker_end, head_start,"
     " head_title_start, head_body_end): the blocks' and run-in sections' units, as int64 bytes."},
    {"verbatim_copies", verbatim_copies, METH_VARARGS,
     "verbatim_copies(joined, start, end, length, at, min_chars): [(i, first)] for the later copies."},
    {"clause_units", clause_units, METH_VARARGS,
     "clause_units(text, joined, layout, block_end, min_chars): the long clauses' rows, grouped by block."},
    {"unbalanced_blocks", unbalanced_blocks, METH_VARARGS,
     "unbalanced_blocks(text, chars, roles, block_start, block_end, skip_start, skip_end): the"
     " indexes of the blocks whose brackets do not all close in order."},
    {"outside", outside, METH_VARARGS,
     "outside(skip_start, skip_end, start, end, length, group, at): the units' columns, as int64"
     " bytes, less those inside a skipped span."},
    {"offsets_many", offsets_many, METH_VARARGS,
     "offsets_many(text, sets): for each set (a tuple of str), the sorted offsets where any of its strings"
     " occurs, each once; in one pass over text."},
    {"doubled_words", doubled_words, METH_VARARGS,
     "doubled_words(text, low, high, shortest, longest): (start, end) of each match of"
     " ([low-high]{shortest,longest})\\1, as re.finditer finds them."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_compiled",
    "reportlint's hottest loops compiled (see the Python each stands for in lint/kinds).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__compiled(void)
{
    return PyModule_Create(&module);
}
