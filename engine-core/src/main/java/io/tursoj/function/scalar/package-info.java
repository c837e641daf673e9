/** Built-in scalar functions: see {@link io.tursoj.function.FunctionRegistry#withBuiltins()}. */
package io.tursoj.function.scalar;
