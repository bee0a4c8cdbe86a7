from vnplan.cli import main

main()
