/** Built-in math functions: see {@link io.tursoj.function.FunctionRegistry#withBuiltins()}. */
package io.tursoj.function.math;
