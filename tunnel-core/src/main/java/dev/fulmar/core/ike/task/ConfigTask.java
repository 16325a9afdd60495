package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.ConfigAttribute;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.ike.message.ConfigAttributeType;
import dev.fulmar.core.ike.message.ConfigPayload;
import dev.fulmar.core.ike.message.ConfigType;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.Payload;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The configuration payload of IKE_AUTH (RFC 7296 §2.19, §3.15; RFC 8598 split DNS):
 *
 * <pre>
 *   HDR, SK {..., CP(CFG_REQUEST), ...}  -->   (first IKE_AUTH request)
 *                 <--  HDR, SK {..., CP(CFG_REPLY), ...}   (final IKE_AUTH response)
 * </pre>
 *
 * <p>Asks for the attributes the parameters name (the virtual address we had, if any, see {@link
 * TaskContext#requestedAddresses()}) and keeps what the gateway assigns: virtual
 * addresses, DNS servers, split subnets and DNS domains. Domains that are not host names are
 * dropped, as RFC 8598 §5 asks of clients.
 */
public final class ConfigTask implements Task {
  private static final Pattern DOMAIN =
      Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.?");

  private final TaskContext ctx;
  private boolean requested;
  private boolean done;

  public ConfigTask(TaskContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ExchangeType exchange() {
    return done ? null : ExchangeType.IKE_AUTH;
  }

  @Override
  public Status build(List<Payload> out) {
    if (!requested && !ctx.params.configRequest().isEmpty()) {
      List<dev.fulmar.core.ike.message.ConfigAttribute> attrs = new ArrayList<>();
      List<InetAddress> wanted = ctx.requestedAddresses();
      for (ConfigAttribute a : ConfigAttribute.values()) {
        if (ctx.params.configRequest().contains(a)) {
          attrs.add(attribute(ConfigAttributeType.valueOf(a.type()), wanted));
        }
      }
      out.add(new ConfigPayload(ConfigType.REQUEST, attrs));
    }
    requested = true;
    return Status.NEED_MORE;
  }

  /**
   * An empty attribute asks for any value; an address attribute with a value asks for that
   * address (RFC 7296 §3.15.1), e.g. the one we had before a reconnect or re-authentication.
   */
  private static dev.fulmar.core.ike.message.ConfigAttribute attribute(ConfigAttributeType type,
      List<InetAddress> wanted) {
    boolean v4 = type.equals(ConfigAttributeType.INTERNAL_IP4_ADDRESS);
    boolean v6 = type.equals(ConfigAttributeType.INTERNAL_IP6_ADDRESS);
    for (InetAddress a : wanted) {
      if (v4 && a instanceof java.net.Inet4Address) {
        return dev.fulmar.core.ike.message.ConfigAttribute.address(type, a);
      }
      if (v6 && a instanceof java.net.Inet6Address a6) {
        return dev.fulmar.core.ike.message.ConfigAttribute.ip6Prefix(type, a6, 128);
      }
    }
    return dev.fulmar.core.ike.message.ConfigAttribute.request(type);
  }

  @Override
  public Status process(IkeMessage in) {
    for (ConfigPayload cp : in.payloads(ConfigPayload.class)) {
      if (cp.cfgType().equals(ConfigType.REPLY)) {
        read(cp);
      }
    }
    if (!ctx.ikeAuthComplete) {
      return Status.NEED_MORE;
    }
    done = true;
    return Status.DONE;
  }

  private void read(ConfigPayload cp) {
    TaskContext.Config c = ctx.result.config;
    addAddresses(cp, ConfigAttributeType.INTERNAL_IP4_ADDRESS, c.virtualAddresses);
    addAddresses(cp, ConfigAttributeType.INTERNAL_IP6_ADDRESS, c.virtualAddresses);
    addAddresses(cp, ConfigAttributeType.INTERNAL_IP4_DNS, c.dnsServers);
    addAddresses(cp, ConfigAttributeType.INTERNAL_IP6_DNS, c.dnsServers);
    for (dev.fulmar.core.ike.message.ConfigAttribute a :
        cp.attributes(ConfigAttributeType.INTERNAL_IP4_SUBNET)) {
      byte[] v = a.value();
      if (v.length == 8) {
        c.splitSubnets.add(TrafficSelector.subnet(a.address(), prefix(v, 4)));
      }
    }
    for (dev.fulmar.core.ike.message.ConfigAttribute a :
        cp.attributes(ConfigAttributeType.INTERNAL_IP6_SUBNET)) {
      byte[] v = a.value();
      if (v.length == 17 && (v[16] & 0xff) <= 128) {
        c.splitSubnets.add(TrafficSelector.subnet(a.address(), v[16] & 0xff));
      }
    }
    for (dev.fulmar.core.ike.message.ConfigAttribute a :
        cp.attributes(ConfigAttributeType.INTERNAL_DNS_DOMAIN)) {
      String d = a.text();
      if (!d.isEmpty() && d.length() <= 253 && DOMAIN.matcher(d).matches()) {
        c.dnsDomains.add(d);
      } else if (!d.isEmpty()) {
        ctx.log.warn("ignoring INTERNAL_DNS_DOMAIN that is not a domain name");
      }
    }
  }

  private static void addAddresses(ConfigPayload cp, ConfigAttributeType type,
      List<InetAddress> into) {
    for (dev.fulmar.core.ike.message.ConfigAttribute a : cp.attributes(type)) {
      if (a.value().length > 0 && !into.contains(a.address())) {
        into.add(a.address());
      }
    }
  }

  /** The prefix length of an IPv4 netmask (leading one bits). */
  private static int prefix(byte[] value, int offset) {
    int mask = ((value[offset] & 0xff) << 24) | ((value[offset + 1] & 0xff) << 16)
        | ((value[offset + 2] & 0xff) << 8) | (value[offset + 3] & 0xff);
    return Integer.bitCount(mask);
  }
}
