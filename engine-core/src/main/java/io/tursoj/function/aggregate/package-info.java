/** Built-in aggregate functions: see {@link io.tursoj.function.FunctionRegistry#withBuiltins()}. */
package io.tursoj.function.aggregate;
