package dev.fulmar.adapters.linux;

import jnr.ffi.Pointer;

/**
 * Layouts (x86-64/aarch64, LP64) of the structures {@code sendmmsg}/{@code recvmmsg} take, and
 * helpers to fill them in native memory.
 *
 * <pre>
 * iovec    { void *base; size_t len; }                                        16 bytes
 * msghdr   { void *name; socklen_t namelen; iovec *iov; size_t iovlen;
 *            void *control; size_t controllen; int flags; }                   56 bytes
 * mmsghdr  { msghdr hdr; unsigned len; }                                      64 bytes
 * cmsghdr  { size_t len; int level; int type; data... }                      16 + data
 * </pre>
 */
final class Mmsg {

  static final int IOVEC = 16;
  static final int MSGHDR = 56;
  static final int MMSGHDR = 64;
  static final int CMSG_HDR = 16;
  static final int MSG_LEN = 56;
  static final int MSG_FLAGS = 48;
  static final int MSG_TRUNC = 0x20;
  static final int SOL_UDP = 17;
  static final int UDP_SEGMENT = 103;
  static final int UDP_GRO = 104;
  /** CMSG_SPACE(sizeof(int)): room for one UDP_SEGMENT or UDP_GRO control message. */
  static final int CMSG_SPACE_INT = 24;

  private Mmsg() {}

  /** Fills message {@code i} of the vector at {@code vec}. */
  static void set(Pointer vec, int i, Pointer name, int nameLen, Pointer iov, Pointer control,
      int controlLen) {
    long m = (long) i * MMSGHDR;
    vec.putAddress(m, name == null ? 0 : name.address());
    vec.putInt(m + 8, nameLen);
    vec.putInt(m + 12, 0);
    vec.putAddress(m + 16, iov.address());
    vec.putLong(m + 24, 1);
    vec.putAddress(m + 32, control == null ? 0 : control.address());
    vec.putLong(m + 40, controlLen);
    vec.putInt(m + MSG_FLAGS, 0);
    vec.putInt(m + MSG_LEN, 0);
  }

  /** Resets what the kernel overwrites in message {@code i} after a receive. */
  static void resetForReceive(Pointer vec, int i, int nameLen, int controlLen) {
    long m = (long) i * MMSGHDR;
    vec.putInt(m + 8, nameLen);
    vec.putLong(m + 40, controlLen);
    vec.putInt(m + MSG_FLAGS, 0);
  }

  static void setIov(Pointer iov, long off, long base, long len) {
    iov.putAddress(off, base);
    iov.putLong(off + 8, len);
  }

  /** Writes one control message carrying an int (or, for UDP_SEGMENT, a u16) value. */
  static void putCmsg(Pointer control, long off, int level, int type, int value, int valueLen) {
    control.putLong(off, CMSG_HDR + valueLen);
    control.putInt(off + 8, level);
    control.putInt(off + 12, type);
    control.putLong(off + CMSG_HDR, 0);
    if (valueLen == 2) {
      control.putShort(off + CMSG_HDR, (short) value);
    } else {
      control.putInt(off + CMSG_HDR, value);
    }
  }

  /**
   * The UDP_GRO segment size among the control messages at {@code control[off ..]} that the
   * kernel filled for message {@code i}, or 0 when there is none.
   */
  static int groSize(Pointer vec, int i, Pointer control, long off, int capacity) {
    long used = Math.min(vec.getLong((long) i * MMSGHDR + 40), capacity);
    long pos = 0;
    while (pos + CMSG_HDR <= used) {
      long len = control.getLong(off + pos);
      if (len < CMSG_HDR || pos + len > used) {
        return 0;
      }
      if (control.getInt(off + pos + 8) == SOL_UDP && control.getInt(off + pos + 12) == UDP_GRO) {
        return control.getInt(off + pos + CMSG_HDR);
      }
      pos += (len + 7) & ~7L;
    }
    return 0;
  }
}
