package dev.fulmar.core.ike.message;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The Notification Data of REDIRECT and REDIRECTED_FROM (RFC 5685 §8, §9): a gateway identity
 * and, in a REDIRECT answering IKE_SA_INIT, the initiator's nonce echoed.
 *
 * <pre>
 *                        1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | GW Ident Type |  GW Ident Len |                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               ~
 *   ~                   New Responder GW Identity                   ~
 *   |                                                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                                                               |
 *   ~                        Nonce Data                             ~
 *   |                                                               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * GW Ident Type 1 is an IPv4 address (4 octets), 2 an IPv6 address (16 octets), 3 a fully
 * qualified domain name (RFC 5685 §10); REDIRECTED_FROM carries no nonce.
 *
 * @param gateway the gateway as an IP literal or a DNS name
 * @param nonce the echoed nonce, empty when absent
 */
public record RedirectData(String gateway, byte[] nonce) {
  public static final int IPV4 = 1;
  public static final int IPV6 = 2;
  public static final int FQDN = 3;

  private static final Pattern HOST_NAME = Pattern.compile(
      "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.?");

  public RedirectData {
    nonce = nonce.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  /** A gateway identity for REDIRECTED_FROM (no nonce). */
  public static RedirectData of(InetAddress gateway) {
    return new RedirectData(gateway.getHostAddress(), new byte[0]);
  }

  /**
   * Reads the data of a REDIRECT or REDIRECTED_FROM notify.
   *
   * @throws InvalidSyntaxException naming what is wrong: an unknown identity type, a length that
   *     does not fit the type or the data, a name that is not a host name
   */
  public static RedirectData decode(byte[] data) throws InvalidSyntaxException {
    if (data.length < 2) {
      throw new InvalidSyntaxException("REDIRECT data of " + data.length + " octets has no"
          + " gateway identity");
    }
    int type = data[0] & 0xff;
    int len = data[1] & 0xff;
    if (2 + len > data.length) {
      throw new InvalidSyntaxException("REDIRECT gateway identity of " + len + " octets in "
          + (data.length - 2) + " octets of data");
    }
    byte[] id = Arrays.copyOfRange(data, 2, 2 + len);
    byte[] nonce = Arrays.copyOfRange(data, 2 + len, data.length);
    return new RedirectData(gateway(type, id), nonce);
  }

  private static String gateway(int type, byte[] id) throws InvalidSyntaxException {
    switch (type) {
      case IPV4:
      case IPV6:
        if (id.length != (type == IPV4 ? 4 : 16)) {
          throw new InvalidSyntaxException("REDIRECT gateway identity type " + type + " with "
              + id.length + " octets");
        }
        try {
          return InetAddress.getByAddress(id).getHostAddress();
        } catch (UnknownHostException e) {
          throw new InvalidSyntaxException("REDIRECT gateway address: " + e.getMessage());
        }
      case FQDN:
        String name = new String(id, StandardCharsets.US_ASCII);
        if (name.isEmpty() || name.length() > 253 || !HOST_NAME.matcher(name).matches()) {
          throw new InvalidSyntaxException("REDIRECT gateway name is not a host name");
        }
        return name;
      default:
        throw new InvalidSyntaxException("REDIRECT gateway identity type " + type
            + " is unknown");
    }
  }

  /** The Notification Data: identity (as an address when it is an IP literal), then the nonce. */
  public byte[] encode() {
    int type;
    byte[] id;
    InetAddress literal = literal(gateway);
    if (literal != null) {
      id = literal.getAddress();
      type = id.length == 4 ? IPV4 : IPV6;
    } else {
      id = gateway.getBytes(StandardCharsets.US_ASCII);
      type = FQDN;
    }
    return ByteBuffer.allocate(2 + id.length + nonce.length).put((byte) type)
        .put((byte) id.length).put(id).put(nonce).array();
  }

  /** The address of an IPv4 or IPv6 literal, or null for a name (no lookup is made). */
  static InetAddress literal(String s) {
    try {
      if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        byte[] a = new byte[4];
        String[] parts = s.split("\\.");
        for (int i = 0; i < 4; i++) {
          int v = Integer.parseInt(parts[i]);
          if (v > 255) {
            return null;
          }
          a[i] = (byte) v;
        }
        return InetAddress.getByAddress(a);
      }
      // A string with ':' is never a host name, so this never asks DNS.
      return s.contains(":") && s.matches("[0-9a-fA-F:.]+") ? InetAddress.getByName(s) : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RedirectData r && r.gateway.equals(gateway)
        && Arrays.equals(r.nonce, nonce);
  }

  @Override
  public int hashCode() {
    return gateway.hashCode() * 31 + Arrays.hashCode(nonce);
  }

  @Override
  public String toString() {
    return "RedirectData[" + gateway + (nonce.length > 0 ? ", nonce" : "") + "]";
  }
}
