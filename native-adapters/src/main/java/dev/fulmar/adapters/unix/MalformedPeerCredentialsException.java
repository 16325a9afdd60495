package dev.fulmar.adapters.unix;

import java.io.IOException;

/**
 * The kernel's answer about a socket's peer (a {@code struct ucred}, {@code struct xucred} or
 * {@code pid_t}) does not have the size, version or values this code was written for. The helper
 * then refuses the connection: it never guesses an identity from bytes it does not understand.
 */
public final class MalformedPeerCredentialsException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param structure the C structure, e.g. {@code "struct xucred"}
   * @param problem what is wrong with it, with the values found and expected
   */
  public MalformedPeerCredentialsException(String structure, String problem) {
    super(structure + " from the kernel: " + problem);
  }
}
