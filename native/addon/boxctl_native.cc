// The N-API addon: syscalls Node lacks that are safe in a multithreaded process.
// Namespace work never happens here (see native/README.md). Every function either
// returns its result or throws an Error whose `code` is the errno name and whose
// `syscall` and `path` say what failed, the shape Node's own fs errors have, so the
// TypeScript side handles both alike.
#include <napi.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <vector>

namespace {

// An empty path means the call took a descriptor: Node's errors then have no path.
Napi::Value ThrowErrno(Napi::Env env, int err, const char* syscall, const std::string& path) {
  std::string where = path.empty() ? std::string(syscall) : std::string(syscall) + " " + path;
  Napi::Error e = Napi::Error::New(env, where + ": " + strerror(err));
  e.Set("errno", Napi::Number::New(env, err));
  e.Set("code", Napi::String::New(env, strerrorname_np(err) ? strerrorname_np(err) : "EUNKNOWN"));
  e.Set("syscall", Napi::String::New(env, syscall));
  if (!path.empty()) e.Set("path", Napi::String::New(env, path));
  e.ThrowAsJavaScriptException();
  return env.Undefined();
}

Napi::Value ThrowUsage(Napi::Env env, const char* signature) {
  Napi::TypeError::New(env, signature).ThrowAsJavaScriptException();
  return env.Undefined();
}

bool IsUint32(const Napi::Value& v) {
  if (!v.IsNumber()) return false;
  double d = v.As<Napi::Number>().DoubleValue();
  return d >= 0 && d <= 0xffffffffu && d == static_cast<double>(static_cast<uint32_t>(d));
}

// lgetxattr(path, name): Buffer with the value, or null when the attribute is absent.
Napi::Value Lgetxattr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 2 || !info[0].IsString() || !info[1].IsString()) {
    return ThrowUsage(env, "lgetxattr(path: string, name: string)");
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

// lsetxattr(path, name, value): creates or replaces the attribute, never following a
// final symlink.
Napi::Value Lsetxattr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 3 || !info[0].IsString() || !info[1].IsString() || !info[2].IsBuffer()) {
    return ThrowUsage(env, "lsetxattr(path: string, name: string, value: Buffer)");
  }
  std::string path = info[0].As<Napi::String>();
  std::string name = info[1].As<Napi::String>();
  Napi::Buffer<char> value = info[2].As<Napi::Buffer<char>>();
  if (lsetxattr(path.c_str(), name.c_str(), value.Data(), value.Length(), 0) < 0) {
    return ThrowErrno(env, errno, "lsetxattr", path);
  }
  return env.Undefined();
}

// llistxattr(path): the attribute names, in the kernel's order.
Napi::Value Llistxattr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 1 || !info[0].IsString()) return ThrowUsage(env, "llistxattr(path: string)");
  std::string path = info[0].As<Napi::String>();
  for (;;) {
    ssize_t size = llistxattr(path.c_str(), nullptr, 0);
    if (size < 0) return ThrowErrno(env, errno, "llistxattr", path);
    std::vector<char> buf(static_cast<size_t>(size));
    ssize_t got = llistxattr(path.c_str(), buf.data(), buf.size());
    if (got < 0) {
      // An attribute was added between the two calls: ask again for the new size.
      if (errno == ERANGE) continue;
      return ThrowErrno(env, errno, "llistxattr", path);
    }
    Napi::Array names = Napi::Array::New(env);
    uint32_t n = 0;
    for (ssize_t at = 0; at < got;) {
      size_t len = strnlen(buf.data() + at, static_cast<size_t>(got - at));
      names.Set(n++, Napi::String::New(env, buf.data() + at, len));
      at += static_cast<ssize_t>(len) + 1;
    }
    return names;
  }
}

// mknod(path, mode, major, minor): mode carries the file type (S_IFCHR, S_IFIFO, ...).
// Node has no mknod; the layer unpacker needs it for overlay whiteouts and FIFOs.
Napi::Value Mknod(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 4 || !info[0].IsString() || !IsUint32(info[1]) || !IsUint32(info[2]) || !IsUint32(info[3])) {
    return ThrowUsage(env, "mknod(path: string, mode: number, major: number, minor: number)");
  }
  std::string path = info[0].As<Napi::String>();
  mode_t mode = info[1].As<Napi::Number>().Uint32Value();
  dev_t dev = makedev(info[2].As<Napi::Number>().Uint32Value(), info[3].As<Napi::Number>().Uint32Value());
  if (mknod(path.c_str(), mode, dev) < 0) return ThrowErrno(env, errno, "mknod", path);
  return env.Undefined();
}

// flock(fd, op, nonblocking): a lock held elsewhere makes a nonblocking call throw
// EAGAIN (EWOULDBLOCK is the same number on Linux).
Napi::Value Flock(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* usage = "flock(fd: number, op: 'sh' | 'ex' | 'un', nonblocking: boolean)";
  if (info.Length() != 3 || !IsUint32(info[0]) || !info[1].IsString() || !info[2].IsBoolean()) {
    return ThrowUsage(env, usage);
  }
  int fd = static_cast<int>(info[0].As<Napi::Number>().Uint32Value());
  std::string op = info[1].As<Napi::String>();
  int how;
  if (op == "sh") {
    how = LOCK_SH;
  } else if (op == "ex") {
    how = LOCK_EX;
  } else if (op == "un") {
    how = LOCK_UN;
  } else {
    return ThrowUsage(env, usage);
  }
  if (info[2].As<Napi::Boolean>().Value()) how |= LOCK_NB;
  // A blocking wait is cut short by any signal the process handles: wait again.
  while (flock(fd, how) < 0) {
    if (errno != EINTR) return ThrowErrno(env, errno, "flock", "");
  }
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("lgetxattr", Napi::Function::New(env, Lgetxattr));
  exports.Set("lsetxattr", Napi::Function::New(env, Lsetxattr));
  exports.Set("llistxattr", Napi::Function::New(env, Llistxattr));
  exports.Set("mknod", Napi::Function::New(env, Mknod));
  exports.Set("flock", Napi::Function::New(env, Flock));
  return exports;
}

}  // namespace

NODE_API_MODULE(boxctl_native, Init)
