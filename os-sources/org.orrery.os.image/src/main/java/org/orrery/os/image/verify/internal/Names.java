// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.ArrayList;
import java.util.List;

/** Conversions between the class file's internal names and descriptors and the names people read. */
public final class Names {

    private Names() {
    }

    /** {@code java/util/Map$Entry} → {@code java.util.Map$Entry}. */
    public static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    /** The package part of an internal name ({@code ""} for the unnamed package). */
    public static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /**
     * The class an internal name or descriptor is about: array dimensions stripped, {@code L...;} unwrapped;
     * {@code null} for primitive types and arrays of them.
     */
    public static String elementClass(String nameOrDescriptor) {
        int dims = 0;
        while (dims < nameOrDescriptor.length() && nameOrDescriptor.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return nameOrDescriptor;
        }
        String element = nameOrDescriptor.substring(dims);
        return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : null;
    }

    /** Every class a field or method descriptor mentions, in order. */
    public static List<String> classesIn(String descriptor) {
        List<String> out = new ArrayList<>();
        for (int i = descriptor.indexOf('L'); i >= 0; i = descriptor.indexOf('L', i)) {
            int end = descriptor.indexOf(';', i);
            if (end < 0) {
                break;
            }
            out.add(descriptor.substring(i + 1, end));
            i = end + 1;
        }
        return out;
    }

    /** Simple source names of a method descriptor's parameters: {@code (JLjava/lang/String;[I)V} → long, String, int[]. */
    public static List<String> parameterTypes(String methodDescriptor) {
        List<String> out = new ArrayList<>();
        int i = 1;
        while (i < methodDescriptor.length() && methodDescriptor.charAt(i) != ')') {
            int dims = 0;
            while (methodDescriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String type;
            char c = methodDescriptor.charAt(i);
            if (c == 'L') {
                int end = methodDescriptor.indexOf(';', i);
                String name = methodDescriptor.substring(i + 1, end);
                type = name.substring(name.lastIndexOf('/') + 1).replace('$', '.');
                i = end + 1;
            } else {
                type = switch (c) {
                    case 'B' -> "byte";
                    case 'C' -> "char";
                    case 'D' -> "double";
                    case 'F' -> "float";
                    case 'I' -> "int";
                    case 'J' -> "long";
                    case 'S' -> "short";
                    case 'Z' -> "boolean";
                    default -> String.valueOf(c);
                };
                i++;
            }
            out.add(type + "[]".repeat(dims));
        }
        return out;
    }
}
