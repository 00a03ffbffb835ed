/** The product version, shown by /healthz and recorded in generated documents. */
export const VERSION = '0.1.0';
