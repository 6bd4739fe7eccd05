import CNcursesw
import KPIView
