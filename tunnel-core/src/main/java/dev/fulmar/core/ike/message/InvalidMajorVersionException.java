package dev.fulmar.core.ike.message;

/**
 * INVALID_MAJOR_VERSION (RFC 7296 §3.1, §3.10.1): the header's major version is not 2. The reply
 * header carries the version we speak; the Notify has no data.
 */
public final class InvalidMajorVersionException extends IkeProtocolException {

  private static final long serialVersionUID = 1L;

  private final int receivedMajorVersion;

  /** Reports a message whose header says major version {@code receivedMajorVersion}. */
  public InvalidMajorVersionException(int receivedMajorVersion) {
    super(
        NotifyType.INVALID_MAJOR_VERSION,
        new byte[0],
        "IKE header: major version " + receivedMajorVersion + ", only 2 is supported");
    this.receivedMajorVersion = receivedMajorVersion;
  }

  /** The major version the message claimed. */
  public int receivedMajorVersion() {
    return receivedMajorVersion;
  }
}
