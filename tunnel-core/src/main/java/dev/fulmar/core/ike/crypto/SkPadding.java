package dev.fulmar.core.ike.crypto;

import java.util.Arrays;
import javax.crypto.BadPaddingException;

/**
 * The trailer of a decrypted SK/SKF body (RFC 7296 §3.14): {@code payloads | padding | pad length},
 * where the pad length is the last byte and counts the padding bytes before it.
 */
final class SkPadding {

  private SkPadding() {}

  /**
   * Returns a copy of the inner payloads, without padding and pad length.
   *
   * @throws BadPaddingException if the block is empty or the pad length exceeds it
   */
  static byte[] strip(byte[] block) throws BadPaddingException {
    if (block.length == 0) {
      throw new BadPaddingException("decrypted payload has no pad length byte");
    }
    int padLength = block[block.length - 1] & 0xff;
    if (padLength + 1 > block.length) {
      throw new BadPaddingException(
          "pad length " + padLength + " exceeds the " + block.length + "-byte decrypted payload");
    }
    return Arrays.copyOf(block, block.length - padLength - 1);
  }
}
