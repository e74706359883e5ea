// Event types of the handlers pages bind in WXML.

/** An event whose handler reads `data-*` attributes of the element it is bound on. */
export type DatasetEvent<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  WechatMiniprogram.IAnyObject,
  WechatMiniprogram.IAnyObject,
  D
>;

/** A component event with this `detail` and, optionally, `data-*` attributes. */
export type DetailEvent<
  T extends WechatMiniprogram.IAnyObject,
  D extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject,
> = WechatMiniprogram.CustomEvent<T, WechatMiniprogram.IAnyObject, D>;
