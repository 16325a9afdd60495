package dev.fulmar.helper.demo;

import java.util.List;

/**
 * The demo gateway's strongSwan 5.9 configuration: {@code strongswan.conf} for charon-systemd and
 * {@code swanctl.conf} with one remote-access connection. The kernel here may have no XFRM, so
 * ESP runs in userspace ({@code kernel-libipsec} on a TUN device); with it strongSwan 5.9 fakes
 * its NAT detection and ESP always travels in UDP 4500, which the client handles. The load list
 * is explicit (what the Debian packages charon-systemd, libstrongswan-standard-plugins and
 * libcharon-extauth-plugins provide); {@code kdf} is needed for the IKE key derivation.
 */
final class GatewayConfig {
  static final List<String> PLUGINS = List.of("kernel-libipsec", "kernel-netlink",
      "socket-default", "vici", "kdf", "nonce", "random", "x509", "pem", "pkcs1", "pkcs8",
      "pubkey", "openssl", "aes", "gcm", "sha2", "hmac", "curve25519", "gmp", "constraints",
      "eap-identity", "eap-mschapv2");
  static final String CONNECTION = "fulmar-demo";
  static final String GATEWAY_CERT = "gateway.pem";
  static final String GATEWAY_KEY = "gateway.pem";
  static final String CA_CERT = "demo-ca.pem";

  private GatewayConfig() {}

  /** strongswan.conf: the plugins, and the log on standard error (the log file). */
  static String strongswanConf() {
    return String.join("\n",
        "# Fulmar demo gateway (fulmard demo up); regenerated at every start",
        "charon-systemd {",
        "  load = " + String.join(" ", PLUGINS),
        "  journal {",
        "    default = -1",
        "  }",
        "  filelog {",
        "    stderr {",
        "      time_format = %H:%M:%S",
        "      ike_name = yes",
        "      flush_line = yes",
        "      default = 1",
        "      ike = 2",
        "      cfg = 2",
        "    }",
        "  }",
        "}", "");
  }

  /**
   * swanctl.conf: the gateway proves itself with its certificate for its address, the user signs
   * in with EAP-MSCHAPv2 as {@code user}, gets a virtual IP from the pool, and reaches the LAN
   * (split tunnel). One setting per line: swanctl.conf has no separators.
   */
  static String swanctlConf(String user, char[] password) {
    return String.join("\n",
        "connections {",
        "  " + CONNECTION + " {",
        "    version = 2",
        "    local_addrs = " + DemoNetwork.GATEWAY_IP,
        "    pools = demo-pool",
        "    fragmentation = yes",
        "    send_certreq = no",
        "    proposals = aes256gcm16-prfsha384-ecp384,aes128gcm16-prfsha256-curve25519,"
            + "aes256-sha256-modp2048",
        "    local {",
        "      auth = pubkey",
        "      certs = " + GATEWAY_CERT,
        "      id = " + DemoNetwork.GATEWAY_IP,
        "    }",
        "    remote {",
        "      auth = eap-mschapv2",
        "      eap_id = %any",
        "    }",
        "    children {",
        "      lan {",
        "        local_ts = " + DemoNetwork.LAN_SUBNET,
        "        esp_proposals = aes256gcm16,aes128gcm16,aes256-sha256",
        "      }",
        "    }",
        "  }",
        "}",
        "pools {",
        "  demo-pool {",
        "    addrs = " + DemoNetwork.POOL,
        "  }",
        "}",
        "secrets {",
        "  eap-demo {",
        "    id = " + user,
        "    secret = \"" + new String(password) + "\"",
        "  }",
        "}", "");
  }
}
