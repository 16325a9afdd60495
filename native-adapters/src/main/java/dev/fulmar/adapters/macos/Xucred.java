package dev.fulmar.adapters.macos;

import dev.fulmar.adapters.unix.MalformedPeerCredentialsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Darwin's {@code struct xucred}, the answer to {@code getsockopt(SOL_LOCAL, LOCAL_PEERCRED)}:
 * the credentials the kernel copied from the connecting process at {@code connect()} time.
 *
 * <p>From xnu {@code bsd/sys/ucred.h} (with {@code NGROUPS} = {@code NGROUPS_MAX} = 16 from
 * {@code bsd/sys/param.h} and {@code syslimits.h}):
 *
 * <pre>
 * struct xucred {
 *     u_int   cr_version;          // offset  0, 4 bytes: structure layout version
 *     uid_t   cr_uid;              // offset  4, 4 bytes: effective user id
 *     short   cr_ngroups;          // offset  8, 2 bytes: number of advisory groups
 *                                  // offset 10, 2 bytes: padding (gid_t is 4-aligned)
 *     gid_t   cr_groups[NGROUPS];  // offset 12, 16 x 4 = 64 bytes: advisory group list
 * };                               // sizeof = 76, alignment 4, the same on x86_64 and arm64
 * #define XUCRED_VERSION 0
 * #define cr_gid cr_groups[0]      // the effective group id is the first group
 * </pre>
 *
 * <p>The kernel fills it with {@code cru2x()}: version 0, the effective uid, the credential's
 * group count and its first 16 groups, {@code cr_groups[0]} being the effective gid. So a valid
 * record has version 0 and 1 to 16 groups: with none there is no effective gid to read. Every
 * other shape is refused with a {@link MalformedPeerCredentialsException} naming the field.
 *
 * @param uid {@code cr_uid}
 * @param groups {@code cr_groups[0 .. cr_ngroups)}, unsigned; the first is the effective gid
 */
record Xucred(long uid, List<Long> groups) {

  static final int SIZE = 76;
  static final int XUCRED_VERSION = 0;
  static final int NGROUPS = 16;
  private static final int UID_OFFSET = 4;
  private static final int NGROUPS_OFFSET = 8;
  private static final int GROUPS_OFFSET = 12;
  private static final String STRUCT = "struct xucred";

  Xucred {
    groups = List.copyOf(groups);
  }

  /** The effective gid, {@code cr_gid}. */
  long gid() {
    return groups.get(0);
  }

  /**
   * Decodes the bytes the kernel wrote: {@code bytes} is exactly {@code optlen} long and in the
   * machine's byte {@code order} (little-endian on every Mac).
   */
  static Xucred decode(byte[] bytes, ByteOrder order) throws MalformedPeerCredentialsException {
    if (bytes.length != SIZE) {
      throw new MalformedPeerCredentialsException(STRUCT,
          bytes.length + " bytes, expected " + SIZE);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    long version = b.getInt(0) & 0xffffffffL;
    if (version != XUCRED_VERSION) {
      throw new MalformedPeerCredentialsException(STRUCT,
          "cr_version " + version + ", expected XUCRED_VERSION " + XUCRED_VERSION);
    }
    int ngroups = b.getShort(NGROUPS_OFFSET);
    if (ngroups < 1 || ngroups > NGROUPS) {
      throw new MalformedPeerCredentialsException(STRUCT,
          "cr_ngroups " + ngroups + " outside 1.." + NGROUPS
              + " (cr_groups[0] is the effective gid)");
    }
    List<Long> groups = new ArrayList<>(ngroups);
    for (int i = 0; i < ngroups; i++) {
      groups.add(b.getInt(GROUPS_OFFSET + 4 * i) & 0xffffffffL);
    }
    return new Xucred(b.getInt(UID_OFFSET) & 0xffffffffL, groups);
  }
}
