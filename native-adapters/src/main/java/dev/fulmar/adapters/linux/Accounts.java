package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import jnr.ffi.Pointer;

/**
 * User and group database lookups through glibc's reentrant calls, so that NSS sources (LDAP,
 * sssd) answer as they do for {@code id(1)}.
 */
final class Accounts {

  // struct passwd (LP64): pw_name@0, pw_passwd@8, pw_uid@16, pw_gid@20, gecos, dir, shell
  private static final int PASSWD_SIZE = 48;
  // struct group (LP64): gr_name@0, gr_passwd@8, gr_gid@16, gr_mem@24
  private static final int GROUP_SIZE = 32;
  private static final int MAX_BUFFER = 1 << 20;
  private static final int MAX_GROUPS = 65536;

  private Accounts() {}

  /** The account name of {@code uid}. */
  static Optional<String> userName(long uid) {
    return lookup(PASSWD_SIZE, (rec, buf, len, res) ->
        LIBC.getpwuid_r((int) uid, rec, buf, len, res), Accounts::name);
  }

  /** The uid of the account {@code name}. */
  static OptionalLong userId(String name) {
    return lookup(PASSWD_SIZE, (rec, buf, len, res) -> LIBC.getpwnam_r(name, rec, buf, len, res),
        Accounts::id).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /** The name of group {@code gid}. */
  static Optional<String> groupName(long gid) {
    return lookup(GROUP_SIZE, (rec, buf, len, res) ->
        LIBC.getgrgid_r((int) gid, rec, buf, len, res), Accounts::name);
  }

  /** The gid of the group {@code name}. */
  static OptionalLong groupId(String name) {
    return lookup(GROUP_SIZE, (rec, buf, len, res) -> LIBC.getgrnam_r(name, rec, buf, len, res),
        Accounts::id).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /** {@code gid} and every supplementary group of {@code user}, as {@code id -G} lists them. */
  static Set<Long> groupsOf(String user, long gid) {
    int n = 64;
    while (n <= MAX_GROUPS) {
      int[] groups = new int[n];
      Pointer count = Native.allocate(4);
      count.putInt(0, n);
      int got = LIBC.getgrouplist(user, (int) gid, groups, count);
      int needed = count.getInt(0);
      if (got >= 0) {
        Set<Long> out = new LinkedHashSet<>();
        out.add(gid);
        for (int i = 0; i < got; i++) {
          out.add(groups[i] & 0xffffffffL);
        }
        return out;
      }
      n = Math.max(n * 2, needed);
    }
    return Set.of(gid);
  }

  private interface Call {
    int invoke(Pointer record, Pointer buf, long buflen, Pointer result);
  }

  /** The first field of both records: the name. */
  private static String name(Pointer record) {
    return record.getPointer(0).getString(0);
  }

  /** pw_uid and gr_gid both sit at offset 16. */
  private static Long id(Pointer record) {
    return record.getInt(16) & 0xffffffffL;
  }

  /**
   * Runs a {@code get*_r} call, growing the buffer on ERANGE, and reads the record with {@code
   * read} while the buffer its strings point into is still reachable; empty when there is no
   * entry.
   */
  private static <T> Optional<T> lookup(int recordSize, Call call,
      java.util.function.Function<Pointer, T> read) {
    for (int size = 1024; size <= MAX_BUFFER; size *= 4) {
      Pointer record = Native.allocate(recordSize);
      Pointer buf = Native.allocate(size);
      Pointer result = Native.allocate(8);
      int err = call.invoke(record, buf, size, result);
      if (err == Native.ERANGE) {
        continue;
      }
      if (err != 0 || result.getLong(0) == 0) {
        return Optional.empty();
      }
      T value = read.apply(record);
      java.lang.ref.Reference.reachabilityFence(buf);
      return Optional.of(value);
    }
    return Optional.empty();
  }
}
