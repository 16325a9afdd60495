package dev.fulmar.control.message;

/**
 * Traffic counters of the tunnel since it came up, and the rates over the last second.
 *
 * @param timeMillis when the counters were read (Unix time, ms)
 * @param bytesIn decrypted bytes received through the tunnel
 * @param bytesOut bytes sent through the tunnel before encryption
 * @param packetsIn packets received through the tunnel
 * @param packetsOut packets sent through the tunnel
 * @param rateInBytesPerSecond bytes in over the last second
 * @param rateOutBytesPerSecond bytes out over the last second
 */
public record Stats(
    long timeMillis,
    long bytesIn,
    long bytesOut,
    long packetsIn,
    long packetsOut,
    long rateInBytesPerSecond,
    long rateOutBytesPerSecond) {

  /** Nothing moved yet. */
  public static Stats zero(long timeMillis) {
    return new Stats(timeMillis, 0, 0, 0, 0, 0, 0);
  }
}
