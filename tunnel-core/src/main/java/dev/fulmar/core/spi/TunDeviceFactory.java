package dev.fulmar.core.spi;

/** Creates tunnel devices; the device is removed again when it is closed. */
public interface TunDeviceFactory {

  /**
   * Creates a device as {@code options} asks. The result implements {@link TunOffload} when
   * offloads were asked for and the kernel accepted them.
   *
   * @throws SystemConfigException ({@link SystemConfigException.Step#CREATE_ADAPTER}) naming the
   *     reason, e.g. a missing {@code /dev/net/tun} or missing privileges
   */
  TunDevice create(TunOptions options) throws SystemConfigException;
}
