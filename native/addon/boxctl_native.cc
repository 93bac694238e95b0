// The N-API addon: syscalls Node lacks that are safe in a multithreaded process.
// Namespace work never happens here (see native/README.md). Every function either
// returns its result or throws an Error whose `code` is the errno name and whose
// `syscall` and `path` say what failed, the shape Node's own fs errors have, so the
// TypeScript side handles both alike.
#include <napi.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/xattr.h>
#include <vector>

namespace {

Napi::Value ThrowErrno(Napi::Env env, int err, const char* syscall, const std::string& path) {
  Napi::Error e = Napi::Error::New(env, std::string(syscall) + " " + path + ": " + strerror(err));
  e.Set("errno", Napi::Number::New(env, err));
  e.Set("code", Napi::String::New(env, strerrorname_np(err) ? strerrorname_np(err) : "EUNKNOWN"));
  e.Set("syscall", Napi::String::New(env, syscall));
  e.Set("path", Napi::String::New(env, path));
  e.ThrowAsJavaScriptException();
  return env.Undefined();
}

// lgetxattr(path, name): Buffer with the value, or null when the attribute is absent.
Napi::Value Lgetxattr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 2 || !info[0].IsString() || !info[1].IsString()) {
    Napi::TypeError::New(env, "lgetxattr(path: string, name: string)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::string path = info[0].As<Napi::String>();
  std::string name = info[1].As<Napi::String>();
  for (;;) {
    ssize_t size = lgetxattr(path.c_str(), name.c_str(), nullptr, 0);
    if (size < 0) {
      if (errno == ENODATA) return env.Null();
      return ThrowErrno(env, errno, "lgetxattr", path);
    }
    std::vector<char> buf(static_cast<size_t>(size));
    ssize_t got = lgetxattr(path.c_str(), name.c_str(), buf.data(), buf.size());
    if (got < 0) {
      // The value grew between the two calls: ask again for the new size.
      if (errno == ERANGE) continue;
      if (errno == ENODATA) return env.Null();
      return ThrowErrno(env, errno, "lgetxattr", path);
    }
    return Napi::Buffer<char>::Copy(env, buf.data(), static_cast<size_t>(got));
  }
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("lgetxattr", Napi::Function::New(env, Lgetxattr));
  return exports;
}

}  // namespace

NODE_API_MODULE(boxctl_native, Init)
