/*
 * ristretto255 group operations from the system's libsodium (Debian's libsodium-dev), for the
 * oblivious pseudonym service's hot path (proto/src/oprf/group.ts). The same libsodium functions
 * as libsodium-wrappers' WebAssembly build, natively compiled: about half the time per scalar
 * multiplication on this project's machines. Node-API only, so one build serves Node 20, 22 and 24.
 * Built by build.mjs at install; when it cannot be built, group.ts uses the WebAssembly build.
 * Every function takes and returns Uint8Arrays of libsodium's sizes, and throws where
 * libsodium-wrappers would: on a wrong size, an invalid point or an identity result.
 * The `…Each` functions do one operation over a whole batch (flat arrays of 32-byte encodings),
 * with the two SHA-512 hashes of RFC 9497 around them: a bulk publish asks for thousands, and a
 * call per element cost the requesting node more in JavaScript (allocations, noble's SHA-512,
 * bigint scalars) than the arithmetic itself.
 */
#include <node_api.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THROW(env, msg)                        \
  do {                                         \
    napi_throw_error((env), NULL, (msg));      \
    return NULL;                               \
  } while (0)

/*
 * A typed array argument of the given type, any length (in elements); NULL when it is not one, or
 * when it views a SharedArrayBuffer: another thread could change what was checked (a message's
 * end, say) before it is read.
 */
static void *typed_arg(napi_env env, napi_value *argv, size_t argc, size_t i, napi_typedarray_type want, size_t *length) {
  bool is_typed = false, is_plain = false;
  if (i >= argc || napi_is_typedarray(env, argv[i], &is_typed) != napi_ok || !is_typed) return NULL;
  napi_typedarray_type type;
  void *data;
  napi_value buffer;
  if (napi_get_typedarray_info(env, argv[i], &type, length, &data, &buffer, NULL) != napi_ok || type != want) return NULL;
  if (napi_is_arraybuffer(env, buffer, &is_plain) != napi_ok || !is_plain) return NULL;
  /* A zero-length view may carry a NULL data pointer; the callers only need it to be non-NULL. */
  return data ? data : (void *)"";
}

/* A new Uint8Array of `len` bytes, written in place through *data. */
static napi_value new_filled(napi_env env, size_t len, unsigned char **data) {
  napi_value buffer, array;
  if (napi_create_arraybuffer(env, len, (void **)data, &buffer) != napi_ok) return NULL;
  if (napi_create_typedarray(env, napi_uint8_array, len, buffer, 0, &array) != napi_ok) return NULL;
  return array;
}

/* The bytes of argument i, which must be a Uint8Array of exactly `len` bytes. */
static const unsigned char *bytes_arg(napi_env env, napi_value *argv, size_t argc, size_t i, size_t len) {
  size_t length;
  const unsigned char *data = typed_arg(env, argv, argc, i, napi_uint8_array, &length);
  return data && length == len ? data : NULL;
}

/* A new Uint8Array holding `len` bytes copied from `src`. */
static napi_value new_bytes(napi_env env, const unsigned char *src, size_t len) {
  unsigned char *data;
  napi_value array = new_filled(env, len, &data);
  if (array) memcpy(data, src, len);
  return array;
}

static napi_value scalarmult(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  const unsigned char *n = bytes_arg(env, argv, argc, 0, crypto_scalarmult_ristretto255_SCALARBYTES);
  const unsigned char *p = bytes_arg(env, argv, argc, 1, crypto_scalarmult_ristretto255_BYTES);
  if (!n || !p) THROW(env, "scalarmult takes a 32-byte scalar and a 32-byte element");
  unsigned char q[crypto_scalarmult_ristretto255_BYTES];
  if (crypto_scalarmult_ristretto255(q, n, p) != 0) THROW(env, "invalid point or identity result");
  return new_bytes(env, q, sizeof q);
}

static napi_value scalarmult_base(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  const unsigned char *n = bytes_arg(env, argv, argc, 0, crypto_scalarmult_ristretto255_SCALARBYTES);
  if (!n) THROW(env, "scalarmult_base takes a 32-byte scalar");
  unsigned char q[crypto_scalarmult_ristretto255_BYTES];
  if (crypto_scalarmult_ristretto255_base(q, n) != 0) THROW(env, "identity result");
  return new_bytes(env, q, sizeof q);
}

typedef int (*binary_op)(unsigned char *, const unsigned char *, const unsigned char *);

static napi_value binary(napi_env env, napi_callback_info info, binary_op op) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  const unsigned char *p = bytes_arg(env, argv, argc, 0, crypto_core_ristretto255_BYTES);
  const unsigned char *q = bytes_arg(env, argv, argc, 1, crypto_core_ristretto255_BYTES);
  if (!p || !q) THROW(env, "add and sub take two 32-byte elements");
  unsigned char r[crypto_core_ristretto255_BYTES];
  if (op(r, p, q) != 0) THROW(env, "invalid point");
  return new_bytes(env, r, sizeof r);
}

static napi_value add(napi_env env, napi_callback_info info) { return binary(env, info, crypto_core_ristretto255_add); }
static napi_value sub(napi_env env, napi_callback_info info) { return binary(env, info, crypto_core_ristretto255_sub); }

static napi_value from_hash(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  const unsigned char *h = bytes_arg(env, argv, argc, 0, crypto_core_ristretto255_HASHBYTES);
  if (!h) THROW(env, "from_hash takes 64 bytes");
  unsigned char p[crypto_core_ristretto255_BYTES];
  crypto_core_ristretto255_from_hash(p, h);
  return new_bytes(env, p, sizeof p);
}

static napi_value is_valid_point(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  const unsigned char *p = bytes_arg(env, argv, argc, 0, crypto_core_ristretto255_BYTES);
  napi_get_boolean(env, p != NULL && crypto_core_ristretto255_is_valid_point(p) == 1, &result);
  return result;
}

#define THROWF(env, ...)                                  \
  do {                                                    \
    char message_[160];                                   \
    snprintf(message_, sizeof message_, __VA_ARGS__);     \
    napi_throw_error((env), NULL, message_);              \
    return NULL;                                          \
  } while (0)

#define ELEMENT 32

/* The messages of a batch: messages[ends[i-1] .. ends[i]], checked to lie within the buffer. */
struct messages {
  const unsigned char *bytes;
  size_t length;
  const uint32_t *ends;
  size_t count;
};

static const char *messages_arg(napi_env env, napi_value *argv, size_t argc, size_t i, struct messages *m) {
  m->bytes = typed_arg(env, argv, argc, i, napi_uint8_array, &m->length);
  m->ends = typed_arg(env, argv, argc, i + 1, napi_uint32_array, &m->count);
  if (!m->bytes || !m->ends) return "takes the messages as one Uint8Array and their ends as a Uint32Array";
  uint32_t previous = 0;
  for (size_t k = 0; k < m->count; k++) {
    if (m->ends[k] < previous || m->ends[k] > m->length) return "message ends must rise within the messages";
    if (m->ends[k] - previous > 0xffff) return "a message is at most 65535 bytes";
    previous = m->ends[k];
  }
  return NULL;
}

/*
 * The three heavy operations over a batch: hashing to the group, multiplying each element, and
 * small-integer sums of several arrays of elements. Each runs either here, synchronously, or split
 * into parts on libuv's thread pool: a bulk batch of 1,000 costs a node some 100 ms per operation,
 * which would stall its event loop (every other request) and leave its other cores idle.
 */
enum batch_op { HASH_TO_GROUP, SCALARMULT, SMALL_MULTIPLE_SUM };

struct batch {
  enum batch_op op;
  size_t n;                    /* elements, or messages */
  const unsigned char *input;  /* the elements (t arrays end to end for a sum), or the messages */
  size_t input_len;
  const uint32_t *ends;        /* HASH_TO_GROUP: where each message ends */
  const unsigned char *dst;    /* HASH_TO_GROUP: the domain separation tag */
  size_t dst_len;
  const unsigned char *scalars; /* SCALARMULT: one, or one per element */
  size_t scalars_len;
  const int32_t *m;            /* SMALL_MULTIPLE_SUM: the t coefficients */
  size_t t;
  int bits;
  unsigned char *out;
  size_t out_len;
  /* Split across the thread pool only: */
  unsigned char *owned; /* copies of every input, and the output: JavaScript may move or drop its own */
  size_t owned_len;     /* wiped before it is freed: it may hold a key share or a batch's blinds */
  struct part *parts;
  size_t parts_left;
  size_t failed_at; /* the first element that failed, or SIZE_MAX */
  napi_deferred deferred;
};

struct part {
  struct batch *batch;
  size_t from, to, failed_at;
  napi_async_work work;
};

/* Reads and checks the arguments of `op` into b, pointing into JavaScript's memory; an error message, or NULL. */
static const char *batch_args(napi_env env, napi_value *argv, size_t argc, enum batch_op op, struct batch *b) {
  memset(b, 0, sizeof *b);
  b->op = op;
  b->failed_at = SIZE_MAX;
  if (op == HASH_TO_GROUP) {
    struct messages m;
    const char *bad = messages_arg(env, argv, argc, 0, &m);
    if (bad) return bad;
    b->input = m.bytes, b->input_len = m.length, b->ends = m.ends, b->n = m.count;
    b->dst = typed_arg(env, argv, argc, 2, napi_uint8_array, &b->dst_len);
    if (!b->dst || b->dst_len == 0 || b->dst_len > 255) return "takes a domain separation tag of 1 to 255 bytes";
    b->out_len = ELEMENT * b->n;
    return NULL;
  }
  b->input = typed_arg(env, argv, argc, 1, napi_uint8_array, &b->input_len);
  if (!b->input) return "takes its elements as a Uint8Array";
  if (op == SCALARMULT) {
    b->scalars = typed_arg(env, argv, argc, 0, napi_uint8_array, &b->scalars_len);
    if (!b->scalars || b->input_len % ELEMENT != 0 || (b->scalars_len != ELEMENT && b->scalars_len != b->input_len))
      return "takes one 32-byte scalar or one per element, and 32-byte elements";
    b->n = b->input_len / ELEMENT;
  } else {
    b->m = typed_arg(env, argv, argc, 0, napi_int32_array, &b->t);
    if (!b->m || b->t == 0 || b->input_len % (ELEMENT * b->t) != 0) return "takes an Int32Array of t coefficients and t equal arrays of 32-byte elements";
    b->n = b->input_len / (ELEMENT * b->t);
    b->bits = 1;
    for (size_t j = 0; j < b->t; j++) {
      if (b->m[j] == INT32_MIN) return "coefficients must lie within ±(2³¹ − 1)";
      uint32_t magnitude = (uint32_t)(b->m[j] < 0 ? -b->m[j] : b->m[j]);
      while (b->bits < 32 && (magnitude >> b->bits) != 0) b->bits++;
    }
  }
  b->out_len = ELEMENT * b->n;
  return NULL;
}

/* RFC 9380 hash_to_ristretto255 of one message: expand_message_xmd with SHA-512 to 64 bytes (one block, so b_1 alone), then the one-way map. */
static int hash_to_group(const struct batch *b, size_t k, unsigned char *p) {
  static const unsigned char z_pad[128] = {0};
  /* I2OSP(len_in_bytes = 64, 2) ‖ I2OSP(0, 1), and I2OSP(1, 1) for b_1. */
  static const unsigned char lib_str[3] = {0, 64, 0}, one = 1;
  const unsigned char dst_len_byte = (unsigned char)b->dst_len;
  const uint32_t start = k == 0 ? 0 : b->ends[k - 1];
  unsigned char b0[crypto_hash_sha512_BYTES], b1[crypto_hash_sha512_BYTES];
  crypto_hash_sha512_state st;
  crypto_hash_sha512_init(&st);
  crypto_hash_sha512_update(&st, z_pad, sizeof z_pad);
  crypto_hash_sha512_update(&st, b->input + start, b->ends[k] - start);
  crypto_hash_sha512_update(&st, lib_str, sizeof lib_str);
  crypto_hash_sha512_update(&st, b->dst, b->dst_len);
  crypto_hash_sha512_update(&st, &dst_len_byte, 1);
  crypto_hash_sha512_final(&st, b0);
  crypto_hash_sha512_init(&st);
  crypto_hash_sha512_update(&st, b0, sizeof b0);
  crypto_hash_sha512_update(&st, &one, 1);
  crypto_hash_sha512_update(&st, b->dst, b->dst_len);
  crypto_hash_sha512_update(&st, &dst_len_byte, 1);
  crypto_hash_sha512_final(&st, b1);
  crypto_core_ristretto255_from_hash(p, b1);
  return sodium_is_zero(p, ELEMENT) ? -1 : 0;
}

/*
 * Σ_j m_j·P_{j,k}: doubling once per bit for all terms together and adding each where its bit is
 * set. Variable time in the m_j, which must be public (Lagrange numerators of share indices). A
 * lone positive term is copied unchecked; nothing added leaves the identity (all zeros).
 */
static int small_multiple_sum(const struct batch *b, size_t k, unsigned char *sum) {
  static const unsigned char identity[ELEMENT] = {0};
  bool started = false;
  memset(sum, 0, ELEMENT);
  for (int bit = b->bits - 1; bit >= 0; bit--) {
    if (started && crypto_core_ristretto255_add(sum, sum, sum) != 0) return -1;
    for (size_t j = 0; j < b->t; j++) {
      const int32_t m = b->m[j];
      if (((((uint32_t)(m < 0 ? -m : m)) >> bit) & 1) == 0) continue;
      const unsigned char *p = b->input + ELEMENT * (b->n * j + k);
      int failed = 0;
      if (started) failed = m < 0 ? crypto_core_ristretto255_sub(sum, sum, p) : crypto_core_ristretto255_add(sum, sum, p);
      else if (m < 0) failed = crypto_core_ristretto255_sub(sum, identity, p);
      else memcpy(sum, p, ELEMENT);
      if (failed != 0) return -1;
      started = true;
    }
  }
  return 0;
}

/* Elements [from, to) of b into b->out: the first that fails, or SIZE_MAX. Touches no JavaScript value, so any thread may run it. */
static size_t run_range(const struct batch *b, size_t from, size_t to) {
  for (size_t k = from; k < to; k++) {
    unsigned char *out = b->out + ELEMENT * k;
    int failed;
    if (b->op == HASH_TO_GROUP) failed = hash_to_group(b, k, out);
    else if (b->op == SCALARMULT)
      failed = crypto_scalarmult_ristretto255(out, b->scalars + (b->scalars_len == ELEMENT ? 0 : ELEMENT * k), b->input + ELEMENT * k);
    else failed = small_multiple_sum(b, k, out);
    if (failed != 0) return k;
  }
  return SIZE_MAX;
}

static napi_value failure(napi_env env, const struct batch *b) {
  char message[120];
  if (b->op == HASH_TO_GROUP) snprintf(message, sizeof message, "message %zu hashes to the identity", b->failed_at);
  else if (b->op == SCALARMULT) snprintf(message, sizeof message, "element %zu: invalid point or identity result", b->failed_at);
  else snprintf(message, sizeof message, "element %zu: invalid point", b->failed_at);
  napi_value text, error;
  napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &text);
  napi_create_error(env, NULL, text, &error);
  return error;
}

static void part_execute(napi_env env, void *data) {
  (void)env;
  struct part *p = data;
  p->failed_at = run_range(p->batch, p->from, p->to);
}

/* On the main thread, once per part; the last one settles the promise and frees the batch. */
static void part_complete(napi_env env, napi_status status, void *data) {
  struct part *p = data;
  struct batch *b = p->batch;
  if (status != napi_ok && p->failed_at == SIZE_MAX) p->failed_at = p->from;
  if (p->failed_at < b->failed_at) b->failed_at = p->failed_at;
  if (p->work) napi_delete_async_work(env, p->work);
  if (--b->parts_left > 0) return;
  if (b->failed_at != SIZE_MAX) napi_reject_deferred(env, b->deferred, failure(env, b));
  else {
    unsigned char *data_out;
    napi_value result = new_filled(env, b->out_len, &data_out);
    if (result) {
      memcpy(data_out, b->out, b->out_len);
      napi_resolve_deferred(env, b->deferred, result);
    } else {
      napi_value error, text;
      napi_create_string_utf8(env, "out of memory for a batch's result", NAPI_AUTO_LENGTH, &text);
      napi_create_error(env, NULL, text, &error);
      napi_reject_deferred(env, b->deferred, error);
    }
  }
  free(b->parts);
  sodium_memzero(b->owned, b->owned_len);
  free(b->owned);
  free(b);
}

/* Copies b's inputs into memory of its own and queues it in `parts` parts; a promise of the result. */
static napi_value run_on_pool(napi_env env, const struct batch *args, uint32_t parts) {
  if (parts > args->n) parts = (uint32_t)args->n;
  if (parts == 0) parts = 1;
  struct batch *b = malloc(sizeof *b);
  const size_t ends_len = args->op == HASH_TO_GROUP ? sizeof(uint32_t) * args->n : 0;
  const size_t m_len = sizeof(int32_t) * args->t;
  const size_t total = args->input_len + ends_len + args->dst_len + args->scalars_len + m_len + args->out_len + 1;
  unsigned char *owned = malloc(total);
  struct part *part = calloc(parts, sizeof *part);
  if (!b || !owned || !part) {
    free(b), free(owned), free(part);
    THROW(env, "out of memory for a batch");
  }
  *b = *args;
  b->owned = owned;
  b->owned_len = total;
  b->parts = part;
  b->parts_left = parts;
  unsigned char *at = owned;
  /* uint32 and int32 first, where the allocation is aligned for them. */
  if (ends_len) b->ends = memcpy(at, args->ends, ends_len), at += ends_len;
  if (m_len) b->m = memcpy(at, args->m, m_len), at += m_len;
  b->input = memcpy(at, args->input, args->input_len), at += args->input_len;
  if (args->dst_len) b->dst = memcpy(at, args->dst, args->dst_len), at += args->dst_len;
  if (args->scalars_len) b->scalars = memcpy(at, args->scalars, args->scalars_len), at += args->scalars_len;
  b->out = at;
  napi_value promise, name;
  napi_create_promise(env, &b->deferred, &promise);
  napi_create_string_utf8(env, "corridor:ristretto255", NAPI_AUTO_LENGTH, &name);
  for (uint32_t i = 0; i < parts; i++) {
    part[i].batch = b;
    part[i].from = b->n * i / parts;
    part[i].to = b->n * (i + 1) / parts;
    part[i].failed_at = SIZE_MAX;
    if (napi_create_async_work(env, NULL, name, part_execute, part_complete, &part[i], &part[i].work) != napi_ok) part[i].work = NULL;
    else if (napi_queue_async_work(env, part[i].work) != napi_ok) {
      napi_delete_async_work(env, part[i].work);
      part[i].work = NULL;
    }
    /* Not handed to the pool: done here, so that the promise still settles. */
    if (!part[i].work) {
      part_execute(env, &part[i]);
      part_complete(env, napi_ok, &part[i]);
    }
  }
  return promise;
}

/*
 * The JavaScript face of the three: (…arguments, parts). With parts 0 the result is computed here
 * and returned; otherwise a promise of it, the batch split into that many parts on the pool.
 */
static napi_value batch_call(napi_env env, napi_callback_info info, enum batch_op op, const char *name) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  const size_t parts_at = op == HASH_TO_GROUP ? 3 : 2;
  uint32_t parts = 0;
  if (argc > parts_at && napi_get_value_uint32(env, argv[parts_at], &parts) != napi_ok) THROWF(env, "%s: parts must be a number", name);
  struct batch b;
  const char *bad = batch_args(env, argv, argc, op, &b);
  if (bad) THROWF(env, "%s %s", name, bad);
  if (parts > 0) return run_on_pool(env, &b, parts);
  unsigned char *out;
  napi_value result = new_filled(env, b.out_len, &out);
  if (!result) return NULL;
  b.out = out;
  b.failed_at = run_range(&b, 0, b.n);
  if (b.failed_at != SIZE_MAX) {
    napi_throw(env, failure(env, &b));
    return NULL;
  }
  return result;
}

static napi_value hash_to_group_each(napi_env env, napi_callback_info info) {
  return batch_call(env, info, HASH_TO_GROUP, "hashToGroupEach");
}
static napi_value scalarmult_each(napi_env env, napi_callback_info info) { return batch_call(env, info, SCALARMULT, "scalarmultEach"); }
static napi_value small_multiple_sum_each(napi_env env, napi_callback_info info) {
  return batch_call(env, info, SMALL_MULTIPLE_SUM, "smallMultipleSumEach");
}

/* factor·s⁻¹ mod ℓ for each 32-byte scalar s, with one inversion for the batch (Montgomery's trick). */
static napi_value invert_scalars_each(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  size_t len, factor_len;
  const unsigned char *s = typed_arg(env, argv, argc, 0, napi_uint8_array, &len);
  const unsigned char *factor = typed_arg(env, argv, argc, 1, napi_uint8_array, &factor_len);
  if (!s || !factor || len % ELEMENT != 0 || factor_len != ELEMENT)
    THROW(env, "invertScalarsEach takes 32-byte scalars and a 32-byte factor");
  size_t n = len / ELEMENT;
  unsigned char *out;
  napi_value result = new_filled(env, len, &out);
  if (!result || n == 0) return result;
  /* out[k] holds the product s_0…s_k until it is replaced by its inverse. */
  memcpy(out, s, ELEMENT);
  for (size_t k = 1; k < n; k++) crypto_core_ristretto255_scalar_mul(out + ELEMENT * k, out + ELEMENT * (k - 1), s + ELEMENT * k);
  unsigned char inverse[ELEMENT];
  if (crypto_core_ristretto255_scalar_invert(inverse, out + ELEMENT * (n - 1)) != 0) THROW(env, "invertScalarsEach: a scalar is zero");
  crypto_core_ristretto255_scalar_mul(inverse, inverse, factor);
  for (size_t k = n - 1; k > 0; k--) {
    unsigned char *here = out + ELEMENT * k;
    /* (factor/(s_0…s_k))·(s_0…s_{k-1}) = factor/s_k; then drop s_k from the running inverse. */
    crypto_core_ristretto255_scalar_mul(here, inverse, here - ELEMENT);
    crypto_core_ristretto255_scalar_mul(inverse, inverse, s + ELEMENT * k);
  }
  memcpy(out, inverse, ELEMENT);
  sodium_memzero(inverse, sizeof inverse);
  return result;
}

/* n uniform scalars in [1, ℓ), from libsodium's generator: the blinds of a batch. */
static napi_value random_scalars(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t n;
  if (argc < 1 || napi_get_value_uint32(env, argv[0], &n) != napi_ok) THROW(env, "randomScalars takes a count");
  unsigned char *out;
  napi_value result = new_filled(env, (size_t)ELEMENT * n, &out);
  if (!result) return NULL;
  for (uint32_t k = 0; k < n; k++) crypto_core_ristretto255_scalar_random(out + ELEMENT * k);
  return result;
}

/* RFC 9497 Finalize over unblinded elements: SHA-512(I2OSP(len,2) ‖ input ‖ I2OSP(32,2) ‖ N ‖ "Finalize"). */
static napi_value finalize_each(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  struct messages m;
  const char *bad = messages_arg(env, argv, argc, 0, &m);
  if (bad) THROWF(env, "finalizeEach %s", bad);
  size_t elements_len;
  const unsigned char *elements = typed_arg(env, argv, argc, 2, napi_uint8_array, &elements_len);
  if (!elements || elements_len != ELEMENT * m.count) THROW(env, "finalizeEach takes one 32-byte element per message");
  unsigned char *out;
  napi_value result = new_filled(env, crypto_hash_sha512_BYTES * m.count, &out);
  if (!result) return NULL;
  static const unsigned char element_len[2] = {0, ELEMENT};
  static const char label[] = "Finalize";
  uint32_t start = 0;
  for (size_t k = 0; k < m.count; k++) {
    uint32_t len = m.ends[k] - start;
    const unsigned char input_len[2] = {(unsigned char)(len >> 8), (unsigned char)(len & 0xff)};
    crypto_hash_sha512_state st;
    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, input_len, 2);
    crypto_hash_sha512_update(&st, m.bytes + start, len);
    crypto_hash_sha512_update(&st, element_len, 2);
    crypto_hash_sha512_update(&st, elements + ELEMENT * k, ELEMENT);
    crypto_hash_sha512_update(&st, (const unsigned char *)label, sizeof label - 1);
    crypto_hash_sha512_final(&st, out + crypto_hash_sha512_BYTES * k);
    start = m.ends[k];
  }
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  if (sodium_init() < 0) THROW(env, "libsodium did not initialise");
#define FN(name, fn) {name, NULL, fn, NULL, NULL, NULL, napi_enumerable, NULL}
  napi_property_descriptor fns[] = {
      FN("scalarmult", scalarmult),
      FN("scalarmultBase", scalarmult_base),
      FN("add", add),
      FN("sub", sub),
      FN("fromHash", from_hash),
      FN("isValidPoint", is_valid_point),
      FN("hashToGroupEach", hash_to_group_each),
      FN("scalarmultEach", scalarmult_each),
      FN("smallMultipleSumEach", small_multiple_sum_each),
      FN("invertScalarsEach", invert_scalars_each),
      FN("randomScalars", random_scalars),
      FN("finalizeEach", finalize_each),
  };
#undef FN
  if (napi_define_properties(env, exports, sizeof fns / sizeof fns[0], fns) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
