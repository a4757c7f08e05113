/*
 * ristretto255 group operations from the system's libsodium (Debian's libsodium-dev), for the
 * oblivious pseudonym service's hot path (proto/src/oprf/group.ts). The same libsodium functions
 * as libsodium-wrappers' WebAssembly build, natively compiled: about half the time per scalar
 * multiplication on this project's machines. Node-API only, so one build serves Node 20, 22 and 24.
 * Built by build.mjs at install; when it cannot be built, group.ts uses the WebAssembly build.
 * Every function takes and returns Uint8Arrays of libsodium's sizes, and throws where
 * libsodium-wrappers would: on a wrong size, an invalid point or an identity result.
 */
#include <node_api.h>
#include <sodium.h>

#define THROW(env, msg)                        \
  do {                                         \
    napi_throw_error((env), NULL, (msg));      \
    return NULL;                               \
  } while (0)

/* The bytes of argument i, which must be a Uint8Array of exactly `len` bytes. */
static const unsigned char *bytes_arg(napi_env env, napi_value *argv, size_t argc, size_t i, size_t len) {
  bool is_typed = false;
  if (i >= argc || napi_is_typedarray(env, argv[i], &is_typed) != napi_ok || !is_typed) return NULL;
  napi_typedarray_type type;
  size_t length;
  void *data;
  if (napi_get_typedarray_info(env, argv[i], &type, &length, &data, NULL, NULL) != napi_ok) return NULL;
  if (type != napi_uint8_array || length != len) return NULL;
  return (const unsigned char *)data;
}

/* A new Uint8Array holding `len` bytes copied from `src`. */
static napi_value new_bytes(napi_env env, const unsigned char *src, size_t len) {
  void *data;
  napi_value buffer, array;
  if (napi_create_arraybuffer(env, len, &data, &buffer) != napi_ok) return NULL;
  for (size_t i = 0; i < len; i++) ((unsigned char *)data)[i] = src[i];
  if (napi_create_typedarray(env, napi_uint8_array, len, buffer, 0, &array) != napi_ok) return NULL;
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

static napi_value init(napi_env env, napi_value exports) {
  if (sodium_init() < 0) THROW(env, "libsodium did not initialise");
  napi_property_descriptor fns[] = {
      {"scalarmult", NULL, scalarmult, NULL, NULL, NULL, napi_enumerable, NULL},
      {"scalarmultBase", NULL, scalarmult_base, NULL, NULL, NULL, napi_enumerable, NULL},
      {"add", NULL, add, NULL, NULL, NULL, napi_enumerable, NULL},
      {"sub", NULL, sub, NULL, NULL, NULL, napi_enumerable, NULL},
      {"fromHash", NULL, from_hash, NULL, NULL, NULL, napi_enumerable, NULL},
      {"isValidPoint", NULL, is_valid_point, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof fns / sizeof fns[0], fns) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
