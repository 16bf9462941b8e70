/** Every test file starts with the feature modules' message catalogues registered, as the app does. */
import '../../src/modules';
