package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration payload, CP (RFC 7296 §3.15): a request for (or the reply with) the remote-access
 * client's virtual address, DNS servers, split subnets and domains.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C| RESERVED    |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   CFG Type    |                    RESERVED                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                   Configuration Attributes                    ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param cfgType CFG_REQUEST, CFG_REPLY, CFG_SET or CFG_ACK
 * @param attributes the attributes, in order (the same type may repeat, e.g. several DNS servers)
 */
public record ConfigPayload(ConfigType cfgType, List<ConfigAttribute> attributes)
    implements Payload {

  private static final int FIXED_LENGTH = 4;

  /** Validates and copies. */
  public ConfigPayload {
    Bytes.checkRange(cfgType.value(), ConfigType.MAX_VALUE, "CFG type");
    attributes = List.copyOf(attributes);
    int length = FIXED_LENGTH;
    for (ConfigAttribute a : attributes) {
      length += a.encodedLength();
    }
    Bytes.checkBody(length, "CP payload");
  }

  /** A CFG_REQUEST asking for each of {@code types} with empty values. */
  public static ConfigPayload request(ConfigAttributeType... types) {
    List<ConfigAttribute> attributes = new ArrayList<>();
    for (ConfigAttributeType t : types) {
      attributes.add(ConfigAttribute.request(t));
    }
    return new ConfigPayload(ConfigType.REQUEST, attributes);
  }

  /** The attributes of one type, in order. */
  public List<ConfigAttribute> attributes(ConfigAttributeType type) {
    return attributes.stream().filter(a -> a.type().equals(type)).toList();
  }

  @Override
  public PayloadType type() {
    return PayloadType.CP;
  }

  @Override
  public int bodyLength() {
    int length = FIXED_LENGTH;
    for (ConfigAttribute a : attributes) {
      length += a.encodedLength();
    }
    return length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put((byte) cfgType.value());
    out.put(new byte[3]);
    for (ConfigAttribute a : attributes) {
      a.encode(out);
    }
  }

  static ConfigPayload decode(Reader body) throws InvalidSyntaxException {
    ConfigType type = ConfigType.valueOf(body.u8("CFG Type"));
    body.bytes(3, "RESERVED");
    List<ConfigAttribute> attributes = new ArrayList<>();
    while (body.remaining() > 0) {
      if (attributes.size() == Limits.MAX_CONFIG_ATTRIBUTES) {
        throw body.error("more than %d attributes", Limits.MAX_CONFIG_ATTRIBUTES);
      }
      attributes.add(ConfigAttribute.decode(body, attributes.size() + 1));
    }
    return new ConfigPayload(type, attributes);
  }

  @Override
  public String toString() {
    return "CP(" + cfgType + ")" + attributes;
  }
}
