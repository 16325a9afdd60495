package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Test helpers: decode one payload from hex, encode one payload to hex. */
final class Codec {

  private Codec() {}

  /** Decodes a single payload (its generic header has Next Payload NONE) of {@code type}. */
  static Payload decodeOne(PayloadType type, String hex) throws IkeProtocolException {
    List<Payload> payloads = IkeMessage.decodeInnerPayloads(type, Hex.bytes(hex));
    assertThat(payloads).hasSize(1);
    return payloads.get(0);
  }

  /** Encodes a single payload with Next Payload NONE. */
  static String encodeOne(Payload payload) {
    return Hex.hex(PayloadChain.encode(List.of(payload)));
  }
}
