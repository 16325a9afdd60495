package dev.fulmar.adapters.unix;

import java.lang.ref.Reference;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import jnr.ffi.Pointer;

/**
 * User and group database lookups through the C library's reentrant calls, so that the system's
 * sources answer as they do for {@code id(1)}: NSS (files, LDAP, sssd) on Linux, Open Directory
 * on macOS. Both C libraries lay out the fields read here at the same offsets (LP64).
 */
public final class Accounts {

  // struct passwd, LP64. glibc: pw_name@0, pw_passwd@8, pw_uid@16, pw_gid@20, gecos, dir, shell
  // (48 bytes). Darwin <pwd.h>: pw_name@0, pw_passwd@8, pw_uid@16, pw_gid@20, pw_change@24,
  // class, gecos, dir, shell, pw_expire@64 (72 bytes). The record is allocated large enough for
  // either; only the name (@0) and the id (@16) are read.
  private static final int PASSWD_SIZE = 128;
  // struct group, LP64, the same on both: gr_name@0, gr_passwd@8, gr_gid@16, gr_mem@24 (32 bytes)
  private static final int GROUP_SIZE = 32;
  private static final int MAX_BUFFER = 1 << 20;
  private static final int MAX_GROUPS = 65536;

  private Accounts() {}

  /** The account name of {@code uid}. */
  public static Optional<String> userName(long uid) {
    return lookup(PASSWD_SIZE, (rec, buf, len, res) ->
        PosixLibC.libc().getpwuid_r((int) uid, rec, buf, len, res), Accounts::name);
  }

  /** The uid of the account {@code name}. */
  public static OptionalLong userId(String name) {
    return lookup(PASSWD_SIZE, (rec, buf, len, res) ->
        PosixLibC.libc().getpwnam_r(name, rec, buf, len, res), Accounts::id)
        .map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /** The name of group {@code gid}. */
  public static Optional<String> groupName(long gid) {
    return lookup(GROUP_SIZE, (rec, buf, len, res) ->
        PosixLibC.libc().getgrgid_r((int) gid, rec, buf, len, res), Accounts::name);
  }

  /** The gid of the group {@code name}. */
  public static OptionalLong groupId(String name) {
    return lookup(GROUP_SIZE, (rec, buf, len, res) ->
        PosixLibC.libc().getgrnam_r(name, rec, buf, len, res), Accounts::id)
        .map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /**
   * {@code gid} and every supplementary group of {@code user}, as {@code id -G} lists them.
   *
   * <p>{@code getgrouplist} returns -1 when the array is too small on both systems, but on
   * success glibc returns the count while Darwin returns 0; both leave the count in {@code
   * *ngroups}, so that is what is read.
   */
  public static Set<Long> groupsOf(String user, long gid) {
    int n = 64;
    while (n <= MAX_GROUPS) {
      int[] groups = new int[n];
      Pointer count = PosixLibC.allocate(4);
      count.putInt(0, n);
      int rc = PosixLibC.libc().getgrouplist(user, (int) gid, groups, count);
      int needed = count.getInt(0);
      if (rc >= 0) {
        int got = Math.min(Math.max(needed, 0), n);
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
      Function<Pointer, T> read) {
    for (int size = 1024; size <= MAX_BUFFER; size *= 4) {
      Pointer record = PosixLibC.allocate(recordSize);
      Pointer buf = PosixLibC.allocate(size);
      Pointer result = PosixLibC.allocate(8);
      int err = call.invoke(record, buf, size, result);
      if (err == PosixLibC.ERANGE) {
        continue;
      }
      if (err != 0 || result.getLong(0) == 0) {
        return Optional.empty();
      }
      T value = read.apply(record);
      Reference.reachabilityFence(buf);
      return Optional.of(value);
    }
    return Optional.empty();
  }
}
