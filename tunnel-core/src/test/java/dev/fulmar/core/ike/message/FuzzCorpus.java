package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.SkCipher;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/** Valid encodings the fuzz tests start from, and helpers that seal arbitrary plaintext. */
final class FuzzCorpus {

  static final IkeHeader HEADER =
      IkeHeader.request(0x0011223344556677L, 0x8899aabbccddeeffL, ExchangeType.IKE_AUTH, 1, true);

  /** Datagrams: IKE_SA_INIT, every payload type in clear, a protected message, SKF fragments. */
  static final List<byte[]> DATAGRAMS = new ArrayList<>();

  /** Inner payload chains (plaintext of SK), with their first payload type. */
  static final List<byte[]> CHAINS = new ArrayList<>();

  static final List<PayloadType> CHAIN_FIRST_TYPES = new ArrayList<>();

  /** The fragments of {@link FragmentationTest#bigResponse()} at 576 octets. */
  static final List<byte[]> FRAGMENTS;

  /** Their header. */
  static final IkeHeader FRAGMENT_HEADER = FragmentationTest.bigResponse().header();

  static {
    try {
      DATAGRAMS.add(Hex.bytes(IkeSaInitTest.REQUEST_HEX));
      DATAGRAMS.add(Hex.bytes(IkeSaInitTest.RESPONSE_HEX));
      List<Payload> all = everyPayload();
      DATAGRAMS.add(IkeMessage.of(HEADER, all).encode());
      IkeMessage auth = ProtectedMessageTest.ikeAuthRequest();
      DATAGRAMS.add(auth.encode(new HmacXorSkCipher()));
      FRAGMENTS = FragmentationTest.bigResponse().encodeFragments(new HmacXorSkCipher(), 576);
      DATAGRAMS.addAll(FRAGMENTS.subList(0, 2));
      addChain(all);
      addChain(auth.payloads());
      addChain(IkeSaInitTest.response().payloads());
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private FuzzCorpus() {}

  private static void addChain(List<Payload> payloads) {
    CHAINS.add(PayloadChain.encode(payloads));
    CHAIN_FIRST_TYPES.add(payloads.get(0).type());
  }

  /** One payload of every class, in clear. */
  static List<Payload> everyPayload() throws Exception {
    List<Payload> all = new ArrayList<>(IkeSaInitTest.request().payloads());
    all.addAll(ProtectedMessageTest.ikeAuthRequest().payloads());
    all.add(IdPayload.ipAddress(false, InetAddress.getByName("2001:db8::1")));
    all.add(CertPayload.x509(Hex.bytes(Hex.counting(0, 40))));
    all.add(DeletePayload.childSas(ProtocolId.ESP, 1, 2, 3));
    all.add(
        new ConfigPayload(
            ConfigType.REPLY,
            List.of(
                ConfigAttribute.address(
                    ConfigAttributeType.INTERNAL_IP4_ADDRESS, InetAddress.getByName("10.0.0.2")),
                ConfigAttribute.text(ConfigAttributeType.INTERNAL_DNS_DOMAIN, "example.com"))));
    all.add(new EapPayload(Hex.bytes("01 02 000a 04 10 aabbccdd")));
    all.add(new UnknownPayload(PayloadType.valueOf(200), Hex.bytes("0102")));
    return all;
  }

  /** {@code HDR, SK {plaintext}} with an arbitrary (maybe malformed) plaintext, sealed. */
  static byte[] sealRaw(int firstInner, byte[] plaintext, SkCipher cipher)
      throws GeneralSecurityException {
    int sealed = cipher.sealedLength(plaintext.length);
    ByteBuffer prefix = ByteBuffer.allocate(32);
    HEADER.encode(prefix, PayloadType.SK, 32 + sealed);
    prefix.put((byte) firstInner).put((byte) 0).putShort((short) (4 + sealed));
    return Mutator.concat(prefix.array(), cipher.seal(prefix.array(), plaintext));
  }

  /** {@code HDR, SKF {piece}} fragment of the same message as {@link #FRAGMENTS}, sealed. */
  static byte[] sealFragment(int firstInner, int number, int total, byte[] piece, SkCipher cipher)
      throws GeneralSecurityException {
    int sealed = cipher.sealedLength(piece.length);
    ByteBuffer prefix = ByteBuffer.allocate(36);
    FRAGMENT_HEADER.encode(prefix, PayloadType.SKF, 36 + sealed);
    prefix.put((byte) firstInner).put((byte) 0).putShort((short) (8 + sealed));
    prefix.putShort((short) number).putShort((short) total);
    return Mutator.concat(prefix.array(), cipher.seal(prefix.array(), piece));
  }
}
