package dev.fulmar.core.ike.task;

import java.util.Arrays;

/**
 * Nonce comparison for rekey collisions (RFC 7296 §2.8.1): of two simultaneous rekeys of the same
 * SA, the one whose exchange carried the lowest nonce is redundant. Nonces compare as unsigned
 * octet strings, a shorter one before a longer one it is a prefix of.
 */
final class Nonces {
  /** Our nonces are 32 octets, as strongSwan's (RFC 7296 §2.10: at least half the PRF key). */
  static final int LENGTH = 32;

  private Nonces() {}

  /** The lower of the two nonces of one exchange. */
  static byte[] lower(byte[] a, byte[] b) {
    return compare(a, b) <= 0 ? a.clone() : b.clone();
  }

  /** Whether the exchange with lower nonce {@code ours} loses against {@code theirs}. */
  static boolean loses(byte[] ours, byte[] theirs) {
    return compare(ours, theirs) < 0;
  }

  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
