package dev.fulmar.core.ike.message;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid payloads and messages, covering every payload class, unknown code
 * points and the extreme sizes of each field.
 */
final class Generators {

  private Generators() {}

  static Arbitrary<byte[]> bytes(int min, int max) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
  }

  static Arbitrary<Integer> ints(int min, int max) {
    return Arbitraries.integers().between(min, max);
  }

  static Arbitrary<IkeHeader> headers() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.longs(),
            ints(0, 255),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.longs().between(0, 0xffffffffL))
        .as(
            (i, r, x, init, resp, v, id) ->
                new IkeHeader(i, r, ExchangeType.valueOf(x), init, resp, v, id));
  }

  static Arbitrary<Payload> payloads() {
    return Arbitraries.oneOf(
        List.of(
            sa(),
            ke(),
            id(),
            cert(),
            certReq(),
            auth(),
            nonce(),
            notifies(),
            delete(),
            vendorId(),
            ts(),
            cp(),
            eap(),
            unknown()));
  }

  /** Payloads that may precede SK: anything but SK and SKF. */
  static Arbitrary<List<Payload>> chains(int max) {
    return payloads().list().ofMaxSize(max);
  }

  static Arbitrary<IkeMessage> unprotectedMessages() {
    return Combinators.combine(headers(), chains(8)).as(IkeMessage::of);
  }

  static Arbitrary<IkeMessage> protectedMessages() {
    return Combinators.combine(headers(), chains(2), chains(8)).as(IkeMessage::protectedMessage);
  }

  static Arbitrary<Payload> sa() {
    Arbitrary<TransformAttribute> attribute =
        Arbitraries.oneOf(
            ints(0, 0xffff).map(TransformAttribute::keyLength),
            Combinators.combine(ints(0, 0x7fff), bytes(0, 12))
                .as((t, v) -> new TransformAttribute(TransformAttributeType.valueOf(t), false, v)));
    Arbitrary<Transform> transform =
        Combinators.combine(ints(0, 255), ints(0, 0xffff), attribute.list().ofMaxSize(3))
            .as((t, id, a) -> new Transform(TransformType.valueOf(t), id, a));
    Arbitrary<Proposal> proposal =
        Combinators.combine(ints(0, 255), ints(0, 255), bytes(0, 8), transform.list().ofMaxSize(6))
            .as((n, p, spi, t) -> new Proposal(n, ProtocolId.valueOf(p), spi, t));
    return proposal.list().ofMinSize(1).ofMaxSize(4).map(SaPayload::new);
  }

  static Arbitrary<Payload> ke() {
    return Combinators.combine(ints(0, 0xffff), bytes(0, 300))
        .as((m, d) -> new KePayload(KeyExchangeMethod.valueOf(m), d));
  }

  static Arbitrary<Payload> id() {
    return Combinators.combine(Arbitraries.of(true, false), ints(0, 255), bytes(0, 64))
        .as(
            (initiator, t, d) -> {
              IdType type = IdType.valueOf(t);
              byte[] data =
                  type.equals(IdType.IPV4_ADDR)
                      ? resize(d, 4)
                      : type.equals(IdType.IPV6_ADDR) ? resize(d, 16) : d;
              return new IdPayload(initiator, type, data);
            });
  }

  static Arbitrary<Payload> cert() {
    return Combinators.combine(ints(0, 255), bytes(0, 600))
        .as((e, d) -> new CertPayload(CertEncoding.valueOf(e), d));
  }

  static Arbitrary<Payload> certReq() {
    return Combinators.combine(ints(0, 255), bytes(0, 100))
        .as((e, d) -> new CertReqPayload(CertEncoding.valueOf(e), d));
  }

  static Arbitrary<Payload> auth() {
    return Combinators.combine(ints(0, 255), bytes(0, 300))
        .as((m, d) -> new AuthPayload(AuthMethod.valueOf(m), d));
  }

  static Arbitrary<Payload> nonce() {
    return bytes(IkeSpec.MIN_NONCE_LENGTH, IkeSpec.MAX_NONCE_LENGTH).map(NoncePayload::new);
  }

  static Arbitrary<Payload> notifies() {
    return Combinators.combine(ints(0, 255), bytes(0, 8), ints(0, 0xffff), bytes(0, 64))
        .as(
            (p, spi, t, d) ->
                new NotifyPayload(ProtocolId.valueOf(p), spi, NotifyType.valueOf(t), d));
  }

  static Arbitrary<Payload> delete() {
    return Combinators.combine(ints(0, 255), ints(0, 8), Arbitraries.longs().list().ofMaxSize(5))
        .as(
            (p, size, spis) ->
                new DeletePayload(
                    ProtocolId.valueOf(p),
                    size,
                    size == 0 ? List.of() : spis.stream().map(s -> mask(s, size)).toList()));
  }

  static Arbitrary<Payload> vendorId() {
    return bytes(0, 32).map(VendorIdPayload::new);
  }

  static Arbitrary<Payload> ts() {
    Arbitrary<TrafficSelector> selector =
        Combinators.combine(
                Arbitraries.of(true, false),
                ints(0, 255),
                ints(0, 0xffff),
                ints(0, 0xffff),
                bytes(16, 16),
                bytes(16, 16))
            .as(
                (v6, proto, sp, ep, s, e) ->
                    new TrafficSelector(
                        v6, proto, sp, ep, resize(s, v6 ? 16 : 4), resize(e, v6 ? 16 : 4)));
    return Combinators.combine(
            Arbitraries.of(true, false), selector.list().ofMinSize(1).ofMaxSize(4))
        .as(TsPayload::new);
  }

  static Arbitrary<Payload> cp() {
    Arbitrary<ConfigAttribute> attribute =
        Combinators.combine(Arbitraries.oneOf(ints(0, 30), ints(0, 0x7fff)), bytes(0, 20))
            .as((t, v) -> configAttribute(ConfigAttributeType.valueOf(t), v));
    return Combinators.combine(ints(0, 255), attribute.list().ofMaxSize(6))
        .as((t, a) -> new ConfigPayload(ConfigType.valueOf(t), a));
  }

  static Arbitrary<Payload> eap() {
    return Combinators.combine(ints(1, 4), ints(0, 255), bytes(0, 80))
        .as(
            (code, id, data) -> {
              byte[] m = new byte[4 + data.length];
              m[0] = (byte) (int) code;
              m[1] = (byte) (int) id;
              m[2] = (byte) (m.length >>> 8);
              m[3] = (byte) m.length;
              System.arraycopy(data, 0, m, 4, data.length);
              return new EapPayload(m);
            });
  }

  static Arbitrary<Payload> unknown() {
    List<Integer> types = new ArrayList<>();
    IntStream.rangeClosed(1, 32).forEach(types::add);
    IntStream.of(49, 50, 51, 52, 54).forEach(types::add);
    IntStream.rangeClosed(55, 255).forEach(types::add);
    return Combinators.combine(Arbitraries.of(types), bytes(0, 32))
        .as((t, b) -> new UnknownPayload(PayloadType.valueOf(t), b));
  }

  /** A valid attribute: the value if its length suits the type, else an empty one. */
  private static ConfigAttribute configAttribute(ConfigAttributeType type, byte[] value) {
    try {
      return new ConfigAttribute(type, value);
    } catch (IllegalArgumentException e) {
      return ConfigAttribute.request(type);
    }
  }

  private static byte[] resize(byte[] b, int n) {
    byte[] out = new byte[n];
    System.arraycopy(b, 0, out, 0, Math.min(n, b.length));
    return out;
  }

  private static long mask(long v, int octets) {
    return octets == 8 ? v : v & ((1L << (8 * octets)) - 1);
  }
}
